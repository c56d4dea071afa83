import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<
  string,
  unknown
>;
const schema = JSON.parse(
  readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
) as object;

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's own configuration schema", () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema check rejects a misspelt option (so the check above can fail)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
    expect(ajv.validate(schema, { ...config, productname: 'typo' })).toBe(false);
  });

  it('builds nsis for Windows, dmg (and the zip auto-update installs from) for macOS, AppImage and deb for Linux', () => {
    const targets = (platform: string) =>
      ((config[platform] as { target: (string | { target: string })[] }).target ?? []).map((t) =>
        typeof t === 'string' ? t : t.target,
      );
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg', 'zip']);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
  });

  it('names the app and points at an icon that exists', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('SMOOZ PrivateLink Setup Assistant');
    for (const platform of ['win', 'mac', 'linux']) {
      const icon = (config[platform] as { icon: string }).icon;
      expect(() => readFileSync(join(ROOT, icon))).not.toThrow();
    }
  });

  it('packages the entry point package.json names', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/main.cjs');
    expect(config.files).toContain('dist/main/**');
  });
});
