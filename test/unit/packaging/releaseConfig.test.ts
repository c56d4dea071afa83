import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { minimatch } from 'minimatch';
import { describe, expect, it } from 'vitest';
import { builderEnv, unsignedWarnings } from '../../../scripts/dist-signing.mjs';
import { ROOT } from '../../support/projectRoot';

/** What every packaged build must have flipped (electron-builder.yml, `electronFuses`). */
const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
  grantFileProtocolExtraPrivileges: false,
} as const;

/** Fuses that are absent or set the other way, by name. */
function fuseProblems(config: Configuration): string[] {
  const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
  return Object.entries(REQUIRED_FUSES)
    .filter(([name, wanted]) => fuses[name] !== wanted)
    .map(([name]) => name);
}

/** The configuration electron-builder itself would use (file, package.json `build`, defaults). */
const effective = () => getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);

describe('the effective electron-builder configuration', () => {
  it('flips every required Electron fuse', async () => {
    expect(fuseProblems(await effective())).toEqual([]);
  });

  it('the fuse check fails for a config that leaves one out or sets it wrong', async () => {
    const config = await effective();
    const { runAsNode: _dropped, ...withoutRunAsNode } = config.electronFuses ?? {};
    expect(fuseProblems({ ...config, electronFuses: withoutRunAsNode })).toEqual(['runAsNode']);
    expect(
      fuseProblems({
        ...config,
        electronFuses: { ...config.electronFuses, grantFileProtocolExtraPrivileges: true },
      }),
    ).toEqual(['grantFileProtocolExtraPrivileges']);
  });

  it('leaves source maps out of the ASAR', async () => {
    const config = await effective();
    expect(config.asar).toBe(true);
    const patterns = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    // electron-builder applies the patterns in order; a later negation removes what matched.
    const packaged = (file: string) =>
      patterns.reduce(
        (kept, pattern) =>
          pattern.startsWith('!')
            ? kept && !minimatch(file, pattern.slice(1))
            : kept || minimatch(file, pattern),
        false,
      );
    expect(packaged('dist/main/main.cjs')).toBe(true);
    expect(packaged('dist/renderer/assets/index-abc.js')).toBe(true);
    expect(packaged('dist/main/main.cjs.map')).toBe(false);
    expect(packaged('dist/renderer/assets/index-abc.js.map')).toBe(false);
  });

  it('signs and notarises from the environment only: the hardened runtime with JIT alone, no secret in the file', async () => {
    const config = await effective();
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.notarize).toBe(true);
    const entitlements = readFileSync(join(ROOT, config.mac?.entitlements ?? 'missing'), 'utf8');
    expect([...entitlements.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual([
      'com.apple.security.cs.allow-jit',
    ]);
    expect(config.win?.signtoolOptions?.signingHashAlgorithms).toEqual(['sha256']);
    const text = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
    for (const secretOption of [
      'certificateFile',
      'certificatePassword',
      'cscLink',
      'cscKeyPassword',
      'appleId',
      'appleIdPassword',
    ]) {
      expect(text, secretOption).not.toContain(`${secretOption}:`);
    }
  });

  it('publishes a generic update feed (latest.yml) but `npm run dist` never uploads', async () => {
    const config = await effective();
    expect(config.publish).toEqual([
      { provider: 'generic', url: 'https://downloads.smooz.jp/privatelink-assistant/' },
    ]);
    const dist = readFileSync(join(ROOT, 'scripts', 'dist.mjs'), 'utf8');
    expect(dist).toMatch(/'--publish',\s*'never'/);
  });
});

describe('`npm run dist` without signing secrets', () => {
  it('says the build is unsigned on every platform, and what is missing', () => {
    expect(unsignedWarnings({}, 'win32')).toEqual([expect.stringContaining('NOT signed')]);
    expect(unsignedWarnings({}, 'darwin')).toEqual([
      expect.stringContaining('NOT signed'),
      expect.stringContaining('NOT notarised'),
    ]);
    expect(unsignedWarnings({}, 'linux')).toEqual([expect.stringContaining('not signed')]);
  });

  it('says nothing is missing once the release pipeline supplies the secrets', () => {
    expect(unsignedWarnings({ CSC_LINK: 'cert.p12', CSC_KEY_PASSWORD: 'x' }, 'win32')).toEqual([]);
    const apple = { APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'id', APPLE_API_ISSUER: 'iss' };
    expect(unsignedWarnings({ CSC_LINK: 'cert.p12', ...apple }, 'darwin')).toEqual([]);
  });

  it('stops electron-builder guessing a keychain identity when no certificate is given', () => {
    expect(builderEnv({}, 'darwin').CSC_IDENTITY_AUTO_DISCOVERY).toBe('false');
    expect(builderEnv({ CSC_LINK: 'c' }, 'darwin').CSC_IDENTITY_AUTO_DISCOVERY).toBeUndefined();
  });
});
