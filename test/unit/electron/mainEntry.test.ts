import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../../support/fakeElectron';

type FakeElectron = ReturnType<typeof createFakeElectron>;
const fake = vi.hoisted(() => ({
  current: undefined as FakeElectron | undefined,
  stateDir: '',
  feedUrls: [] as unknown[],
}));
const current = () => {
  if (!fake.current) throw new Error('no fake electron for this test');
  return fake.current;
};

vi.mock('electron', () => {
  const forward = (key: keyof FakeElectron['electron']) =>
    new Proxy({}, { get: (_t, prop) => (current().electron[key] as never)[prop] });
  return {
    get app() {
      return current().electron.app;
    },
    get BrowserWindow() {
      return current().electron.BrowserWindow;
    },
    protocol: forward('protocol'),
    session: forward('session'),
    shell: forward('shell'),
    ipcMain: forward('ipcMain'),
    dialog: {},
    safeStorage: { isEncryptionAvailable: () => false },
  };
});
// electron-store is Conf in the app's user-data folder; here, in a temporary one.
vi.mock('electron-store', async () => {
  const { default: Conf } = await import('conf');
  return {
    default: class extends Conf {
      constructor(options: object) {
        super({ ...options, cwd: fake.stateDir });
      }
    },
  };
});
vi.mock('electron-updater', () => ({
  autoUpdater: {
    setFeedURL: (options: unknown) => void fake.feedUrls.push(options),
    checkForUpdates: async () => null,
  },
}));

const OVERRIDES = {
  SMOOZ_API_BASE_URL: 'https://attacker.example/v1',
  SMOOZ_UPDATE_FEED_URL: 'https://attacker.example/updates/',
};

beforeEach(() => {
  fake.current = createFakeElectron();
  fake.stateDir = mkdtempSync(join(tmpdir(), 'smooz-main-entry-'));
  fake.feedUrls = [];
  vi.resetModules();
  vi.stubEnv('AWS_CONFIG_FILE', join(fake.stateDir, 'aws-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(fake.stateDir, 'aws-credentials'));
  for (const [name, value] of Object.entries(OVERRIDES)) vi.stubEnv(name, value);
  (process as { resourcesPath?: string }).resourcesPath = fake.stateDir;
});

/** Starts main.ts as Electron would, packaged or not, and returns its diagnostics over IPC. */
async function startMain(packaged: boolean) {
  current().electron.app.isPackaged = packaged;
  await import('../../../main/electron/main');
  await vi.waitFor(() => expect(current().windows).toHaveLength(1));
  const window = current().windows[0];
  const listener = current().handled.get('app:getDiagnostics');
  if (!window || !listener) throw new Error('main did not open its window and IPC');
  const fromWindow = {
    sender: { id: window.webContents.id },
    senderFrame: { url: 'app://smooz/index.html', parent: null },
  };
  return { window, diagnostics: await listener(fromWindow, undefined) };
}

describe('the Electron entry point (main.ts) on the fake Electron', () => {
  it('serves the renderer over app://, refuses permission checks, and guards web contents', async () => {
    const { window } = await startMain(false);
    expect(window.loadedUrl).toBe('app://smooz/index.html');
    expect(current().privilegedSchemes.map((s) => s.scheme)).toEqual(['app']);
    expect([...current().protocolHandlers.keys()]).toEqual(['app']);
    expect(current().permissionCheckHandler()?.({}, 'notifications', 'app://smooz', {})).toBe(
      false,
    );
    expect(current().electron.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('as a packaged app, ignores the endpoint overrides and says so in About', async () => {
    const { diagnostics } = await startMain(true);
    expect(diagnostics).toMatchObject({
      ok: true,
      value: { endpointOverrides: { applied: [], ignored: Object.keys(OVERRIDES) } },
    });
    expect(fake.feedUrls).toEqual([
      { provider: 'generic', url: 'https://downloads.smooz.jp/privatelink-assistant/' },
    ]);
  });

  it('as a packaged app in developer mode, uses them and shows them', async () => {
    vi.stubEnv('SMOOZ_DEVELOPER_MODE', '1');
    const { diagnostics } = await startMain(true);
    expect(diagnostics).toMatchObject({
      ok: true,
      value: { endpointOverrides: { ignored: [] } },
    });
    expect(fake.feedUrls).toEqual([{ provider: 'generic', url: OVERRIDES.SMOOZ_UPDATE_FEED_URL }]);
  });

  it('unpackaged (npm start), uses them, shows them, and does not update itself', async () => {
    const { diagnostics } = await startMain(false);
    expect(diagnostics).toMatchObject({
      ok: true,
      value: {
        endpointOverrides: {
          applied: [
            { name: 'SMOOZ_API_BASE_URL', value: OVERRIDES.SMOOZ_API_BASE_URL },
            { name: 'SMOOZ_UPDATE_FEED_URL', value: OVERRIDES.SMOOZ_UPDATE_FEED_URL },
          ],
        },
      },
    });
    expect(fake.feedUrls).toEqual([]);
  });
});
