import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../../support/fakeElectron';
import { CHANNEL_NAMES } from '../../../shared/ipc/contract';
import type { RendererApi } from '../../../shared/ipc/api';
import type { HandlerTable } from '../../../main/ipc/handlers';
import { silentLogger } from '../../../main/base/logger';

type FakeElectron = ReturnType<typeof createFakeElectron>;
type Module = 'shell' | 'ipcMain' | 'ipcRenderer' | 'contextBridge' | 'protocol' | 'session';
const fake = vi.hoisted(() => ({ current: undefined as FakeElectron | undefined }));

function current(): FakeElectron {
  if (!fake.current) throw new Error('no fake electron for this test');
  return fake.current;
}

// Each test builds its own fake; the mocked module forwards to the current one.
vi.mock('electron', () => {
  const forward = (key: Module) =>
    new Proxy(
      {},
      { get: (_t, prop) => (current().electron[key] as Record<string | symbol, unknown>)[prop] },
    );
  return {
    get BrowserWindow() {
      return current().electron.BrowserWindow;
    },
    get app() {
      return current().electron.app;
    },
    protocol: forward('protocol'),
    session: forward('session'),
    shell: forward('shell'),
    ipcMain: forward('ipcMain'),
    ipcRenderer: forward('ipcRenderer'),
    contextBridge: forward('contextBridge'),
  };
});

const RENDERER_URL = 'app://smooz/index.html';

beforeEach(() => {
  fake.current = createFakeElectron();
  vi.resetModules();
});

/** As main.ts does: the app-wide guard first, then the window (its contents get guarded). */
async function openWindow() {
  const { createMainWindow } = await import('../../../main/electron/mainWindow');
  const { guardAllWebContents } = await import('../../../main/electron/appGuards');
  const { createExternalLinks } = await import('../../../main/app/externalLinks');
  const { shell, app } = await import('electron');
  const links = createExternalLinks((url) => shell.openExternal(url), {
    allowedHosts: ['docs.aws.amazon.com'],
  });
  guardAllWebContents(app, RENDERER_URL, links.openAppLink);
  createMainWindow({ preloadPath: '/app/dist/main/preload.cjs', rendererUrl: RENDERER_URL });
  const window = current().windows[0];
  if (!window) throw new Error('no window was created');
  return window;
}

function fire(
  emitter: { emit: (e: string, ...a: unknown[]) => boolean },
  name: string,
  ...args: unknown[]
) {
  let prevented = false;
  emitter.emit(name, { preventDefault: () => (prevented = true) }, ...args);
  return prevented;
}

describe('the main window', () => {
  it('is created with context isolation, the sandbox and no Node integration', async () => {
    const window = await openWindow();
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/dist/main/preload.cjs',
    });
    expect(window.loadedUrl).toBe(RENDERER_URL);
  });

  it('refuses navigation to any other page', async () => {
    const window = await openWindow();
    expect(fire(window.webContents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(window.webContents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(window.webContents, 'will-navigate', 'app://smooz/other.html')).toBe(true);
    expect(fire(window.webContents, 'will-navigate', RENDERER_URL)).toBe(false);
    expect(fire(window.webContents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire(window.webContents, 'will-attach-webview')).toBe(true);
  });

  it('never opens a new window, and sends only allow-listed https links to the system browser', async () => {
    const window = await openWindow();
    const open = window.webContents.windowOpenHandler;
    if (!open) throw new Error('no window-open handler was set');
    expect(open({ url: 'https://docs.aws.amazon.com/vpc/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://docs.aws.amazon.com/' })).toEqual({ action: 'deny' });
    expect(current().openedExternal).toEqual(['https://docs.aws.amazon.com/vpc/']);
  });

  it('denies every permission request (camera, notifications, …)', async () => {
    await openWindow();
    const answers: boolean[] = [];
    const handler = current().permissionHandler();
    handler?.({}, 'media', (ok: boolean) => answers.push(ok));
    handler?.({}, 'notifications', (ok: boolean) => answers.push(ok));
    expect(answers).toEqual([false, false]);
  });

  it('answers every permission check with no (clipboard, notifications, HID, …)', async () => {
    await openWindow();
    const check = current().permissionCheckHandler();
    if (!check) throw new Error('no permission check handler was set');
    for (const permission of ['clipboard-read', 'notifications', 'hid', 'media', 'geolocation']) {
      expect(check({}, permission, 'app://smooz', {}), permission).toBe(false);
    }
  });

  it('guards any other web contents the app creates (not only the main window)', async () => {
    await openWindow();
    const { BrowserWindow } = await import('electron');
    const other = new BrowserWindow({});
    const contents = current().windows.at(-1)?.webContents;
    if (!contents || current().windows.at(-1) !== (other as unknown)) throw new Error('no window');
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({
      action: 'deny',
    });
    expect(current().openedExternal).toEqual([]);
  });
});

describe('IPC registration in main', () => {
  const handlers = new Proxy({} as HandlerTable, {
    get: () => async () => ({ language: 'ja', supportMode: false }),
  });

  async function register() {
    const { registerIpcHandlers, trustedSenderCheck } =
      await import('../../../main/electron/ipcRegistration');
    const window = await openWindow();
    registerIpcHandlers(
      { handlers, connectEvents: () => () => {} },
      trustedSenderCheck(() => window.webContents as never, RENDERER_URL),
      { emit: () => {} },
      silentLogger,
    );
    return window;
  }

  it('registers exactly the contract channels', async () => {
    await register();
    expect([...current().handled.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers the app window and refuses other senders and subframes', async () => {
    const window = await register();
    const listener = current().handled.get('app:getPreferences');
    if (!listener) throw new Error('app:getPreferences is not registered');
    const fromApp = {
      sender: { id: window.webContents.id },
      senderFrame: { url: RENDERER_URL, parent: null },
    };
    expect(await listener(fromApp, undefined)).toEqual({
      ok: true,
      value: { language: 'ja', supportMode: false },
    });
    const refused = { ok: false, error: { code: 'ipc.forbiddenSender' } };
    const otherContents = { ...fromApp, sender: { id: 999 } };
    const otherPage = { ...fromApp, senderFrame: { url: 'https://evil.example/', parent: null } };
    const subframe = { ...fromApp, senderFrame: { url: RENDERER_URL, parent: {} } };
    expect(await listener(otherContents, undefined)).toEqual(refused);
    expect(await listener(otherPage, undefined)).toEqual(refused);
    expect(await listener(subframe, undefined)).toEqual(refused);
  });
});

describe('the preload', () => {
  async function exposedApi(): Promise<RendererApi> {
    await import('../../../main/electron/preload');
    const api = current().exposed.get('smooz') as RendererApi | undefined;
    if (!api) throw new Error('preload exposed nothing under "smooz"');
    return api;
  }

  it('exposes one object with only invoke and on', async () => {
    const api = await exposedApi();
    expect([...current().exposed.keys()]).toEqual(['smooz']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards contract channels and refuses anything else', async () => {
    const api = await exposedApi();
    await api.invoke('app:getPreferences', undefined);
    await expect(api.invoke('fs:readFile' as never, undefined as never)).rejects.toThrow(
      /Unknown channel/,
    );
    expect(current().rendererInvokes).toEqual([
      { channel: 'app:getPreferences', payload: undefined },
    ]);
  });

  it('subscribes only to contract events', async () => {
    const api = await exposedApi();
    expect(() => api.on('app:preferencesChanged', () => {})).not.toThrow();
    expect(() => api.on('ipc:anything' as never, () => {})).toThrow(/Unknown event/);
  });
});
