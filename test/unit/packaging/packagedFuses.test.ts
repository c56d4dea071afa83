import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { PlatformPackager } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config';
import { describe, expect, it } from 'vitest';
import { ELECTRON_DIST, electronBinary } from '../../support/electronBinary';
import { ROOT } from '../../support/projectRoot';

const binary = electronBinary();
if (!binary) {
  console.warn(
    'SKIPPED: reading the fuses of a packaged build needs the Electron binary, which is not ' +
      'installed (node_modules/electron/dist is absent: ELECTRON_SKIP_BINARY_DOWNLOAD).',
  );
}

/** electron-builder.yml's `electronFuses` names, as @electron/fuses numbers them. */
const OPTION: Record<string, FuseV1Options> = {
  runAsNode: FuseV1Options.RunAsNode,
  enableCookieEncryption: FuseV1Options.EnableCookieEncryption,
  enableNodeOptionsEnvironmentVariable: FuseV1Options.EnableNodeOptionsEnvironmentVariable,
  enableNodeCliInspectArguments: FuseV1Options.EnableNodeCliInspectArguments,
  enableEmbeddedAsarIntegrityValidation: FuseV1Options.EnableEmbeddedAsarIntegrityValidation,
  onlyLoadAppFromAsar: FuseV1Options.OnlyLoadAppFromAsar,
  loadBrowserProcessSpecificV8Snapshot: FuseV1Options.LoadBrowserProcessSpecificV8Snapshot,
  grantFileProtocolExtraPrivileges: FuseV1Options.GrantFileProtocolExtraPrivileges,
};

async function configuredFuses(): Promise<[FuseV1Options, FuseState][]> {
  const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  return Object.entries(config.electronFuses ?? {})
    .filter(([name]) => name in OPTION)
    .map(([name, on]) => [
      OPTION[name] as FuseV1Options,
      on ? FuseState.ENABLE : FuseState.DISABLE,
    ]);
}

/** The app's executable inside electron-builder's unpacked output, per platform. */
function packagedExecutable(out: string): string {
  if (process.platform === 'win32')
    return join(out, 'win-unpacked', 'SMOOZ PrivateLink Setup Assistant.exe');
  if (process.platform === 'darwin') {
    const folder = readdirSync(out).find((name) => name.startsWith('mac')) ?? 'mac';
    return join(
      out,
      folder,
      'SMOOZ PrivateLink Setup Assistant.app',
      'Contents',
      'MacOS',
      'SMOOZ PrivateLink Setup Assistant',
    );
  }
  return join(out, 'linux-unpacked', 'smooz-privatelink-assistant');
}

/**
 * A stand-in for Electron's binary: its fuse wire as Electron ships it (run-as-node, NODE_OPTIONS,
 * --inspect and file-protocol privileges on; cookie encryption, ASAR integrity, ASAR-only off),
 * behind the sentinel @electron/fuses looks for, amid other bytes.
 */
function binaryWithElectronDefaults(): string {
  const on = FuseState.ENABLE;
  const off = FuseState.DISABLE;
  const wire = [on, off, on, on, off, off, off, on];
  const file = join(mkdtempSync(join(tmpdir(), 'smooz-wire-')), 'electron');
  writeFileSync(
    file,
    Buffer.concat([
      randomBytes(4096),
      Buffer.from(SENTINEL, 'ascii'),
      Buffer.from([1, wire.length, ...wire]),
      randomBytes(4096),
    ]),
  );
  return file;
}

describe('the fuses electron-builder flips from electron-builder.yml', () => {
  it('turn every required fuse the right way on a fuse wire with Electron defaults', async () => {
    const config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
    // electron-builder's own translation of `electronFuses`, as it runs while packaging.
    // (private in its types, so reached through the prototype)
    const { generateFuseConfig } = PlatformPackager.prototype as unknown as {
      generateFuseConfig: (fuses: object) => Promise<Parameters<typeof flipFuses>[1]>;
    };
    const fuseConfig = await generateFuseConfig.call({}, config.electronFuses ?? {});
    const file = binaryWithElectronDefaults();
    await flipFuses(file, fuseConfig);
    const wire = await getCurrentFuseWire(file);
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.DISABLE);
  });
});

describe.skipIf(!binary)(
  'the fuses of a packaged build (skipped without the Electron binary)',
  () => {
    it('flips the configured fuses on a copy of Electron and reads them back', async () => {
      const copy = mkdtempSync(join(tmpdir(), 'smooz-fuses-'));
      cpSync(ELECTRON_DIST, copy, { recursive: true });
      const exe = join(copy, (binary ?? '').slice(ELECTRON_DIST.length + 1));
      const before = await getCurrentFuseWire(exe);
      expect(before[FuseV1Options.RunAsNode]).toBe(FuseState.ENABLE);
      const fuses = await configuredFuses();
      await flipFuses(exe, {
        version: FuseVersion.V1,
        ...Object.fromEntries(fuses.map(([o, s]) => [o, s === FuseState.ENABLE])),
      });
      const after = await getCurrentFuseWire(exe);
      for (const [option, state] of fuses) expect(after[option], FuseV1Options[option]).toBe(state);
    });

    it('has them flipped in what `electron-builder --dir` packages', async () => {
      if (!existsSync(join(ROOT, 'dist', 'main', 'main.cjs'))) {
        execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
      }
      const out = mkdtempSync(join(tmpdir(), 'smooz-packaged-'));
      execFileSync(
        'npx',
        [
          'electron-builder',
          '--dir',
          '--config',
          'electron-builder.yml',
          '--publish',
          'never',
          `-c.electronDist=${ELECTRON_DIST}`,
          `-c.directories.output=${out}`,
        ],
        {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
        },
      );
      const wire = await getCurrentFuseWire(packagedExecutable(out));
      for (const [option, state] of await configuredFuses()) {
        expect(wire[option], FuseV1Options[option]).toBe(state);
      }
    }, 900_000);
  },
);
