import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/bridgeApp';
import { screenshot } from '../support/browser';
import { t } from '../support/catalogue';

/** Where `npm install` put the Electron binary, if it could download one (not on this network). */
function electronBinary(): string | undefined {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
if (!binary) {
  console.warn(
    'SKIPPED: the real-window Electron test needs the Electron binary, which is not installed ' +
      '(node_modules/electron/dist is absent: it cannot be downloaded on this network).',
  );
}

describe.skipIf(!binary)(
  'the real Electron window (skipped where the Electron binary is absent)',
  () => {
    it('opens the home screen in Japanese with secure web preferences', async () => {
      const userData = await mkdtemp(join(tmpdir(), 'smooz-electron-'));
      const app = await electron.launch({
        ...(binary === undefined ? {} : { executablePath: binary }),
        args: [ROOT, `--user-data-dir=${userData}`],
        env: { ...process.env, AWS_CONFIG_FILE: join(userData, 'none') },
      });
      try {
        const window = await app.firstWindow();
        await expect.poll(() => window.locator('h1').textContent()).toBe(t('common:appTitle'));
        // Isolation and the sandbox, seen from the page: no Node globals, only the contract API.
        const seen = await window.evaluate(() => ({
          require: typeof (globalThis as { require?: unknown }).require,
          process: typeof (globalThis as { process?: unknown }).process,
          api: Object.keys((globalThis as unknown as { smooz: object }).smooz).sort(),
        }));
        expect(seen).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke', 'on'] });
        await screenshot(window, 'electron-home-ja');
      } finally {
        await app.close();
      }
    });
  },
);
