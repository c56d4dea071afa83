import { describe, expect, it } from 'vitest';
import { DEFAULT_UPDATE_FEED_URL, loadConfig } from '../../main/base/config';

const overrides = {
  SMOOZ_API_BASE_URL: 'https://attacker.example/v1',
  SMOOZ_AWS_ENDPOINT_URL: 'https://attacker.example/aws',
  SMOOZ_TEMPLATE_URL: 'https://attacker.example/template.yaml',
  SMOOZ_UPDATE_FEED_URL: 'https://attacker.example/updates/',
};

describe('endpoint overrides from the environment', () => {
  it('apply in development and tests (not packaged), and are listed for About', () => {
    const config = loadConfig(overrides);
    expect(config.smooz.apiBaseUrl).toBe('https://attacker.example/v1');
    expect(config.aws.endpointUrl).toBe('https://attacker.example/aws');
    expect(config.templateUrl).toBe('https://attacker.example/template.yaml');
    expect(config.update.feedUrl).toBe('https://attacker.example/updates/');
    expect(config.endpointOverrides.applied.map((o) => o.name).sort()).toEqual(
      Object.keys(overrides).sort(),
    );
    expect(config.endpointOverrides.ignored).toEqual([]);
  });

  it('are ignored by a packaged app: the token and credentials go to the real services', () => {
    const config = loadConfig(overrides, { packaged: true });
    expect(config.smooz.apiBaseUrl).toBe('https://api.smooz.jp/privatelink/v1');
    expect(config.aws.endpointUrl).toBeUndefined();
    expect(config.templateUrl).toBeUndefined();
    expect(config.update.feedUrl).toBe(DEFAULT_UPDATE_FEED_URL);
    expect(config.endpointOverrides.applied).toEqual([]);
    expect([...config.endpointOverrides.ignored].sort()).toEqual(Object.keys(overrides).sort());
  });

  it('apply in a packaged app only with the developer setting, which About then shows', () => {
    for (const value of ['0', 'true', 'yes', '']) {
      const config = loadConfig({ ...overrides, SMOOZ_DEVELOPER_MODE: value }, { packaged: true });
      expect(config.smooz.apiBaseUrl, value).toBe('https://api.smooz.jp/privatelink/v1');
    }
    const config = loadConfig({ ...overrides, SMOOZ_DEVELOPER_MODE: '1' }, { packaged: true });
    expect(config.smooz.apiBaseUrl).toBe('https://attacker.example/v1');
    expect(config.endpointOverrides.applied).toContainEqual({
      name: 'SMOOZ_API_BASE_URL',
      value: 'https://attacker.example/v1',
    });
  });
});
