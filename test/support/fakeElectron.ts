import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, recording what the shell asks of it. Only the parts the
 * shell uses exist, so using anything else fails loudly.
 */
export function createFakeElectron() {
  const handled = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const exposed = new Map<string, unknown>();
  const rendererInvokes: { channel: string; payload: unknown }[] = [];
  const openedExternal: string[] = [];
  const windows: FakeBrowserWindow[] = [];
  let permissionHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
  let permissionCheckHandler: ((...args: unknown[]) => boolean) | undefined;
  const privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[] = [];
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const fakeSession = {
    setPermissionRequestHandler: (handler: typeof permissionHandler) => {
      permissionHandler = handler;
    },
    setPermissionCheckHandler: (handler: typeof permissionCheckHandler) => {
      permissionCheckHandler = handler;
    },
  };
  /** Electron's `app`: emits `web-contents-created` for every web contents, as Electron does. */
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    quitRequested: false,
    getVersion: () => '0.1.0',
    getAppPath: () => process.cwd(),
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit() {
      app.quitRequested = true;
    },
  });

  class FakeWebContents extends EventEmitter {
    readonly id = windows.length + 1;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
    readonly sent: { channel: string; payload: unknown }[] = [];
    readonly session = fakeSession;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
    send(channel: string, payload: unknown) {
      this.sent.push({ channel, payload });
    }
    isDestroyed() {
      return false;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    loadedUrl: string | undefined;
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    show() {}
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session: { defaultSession: fakeSession },
    protocol: {
      registerSchemesAsPrivileged: (
        schemes: { scheme: string; privileges: Record<string, boolean> }[],
      ) => {
        privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        if (protocolHandlers.has(scheme)) throw new Error(`second handler for ${scheme}:`);
        protocolHandlers.set(scheme, handler);
      },
    },
    shell: {
      openExternal: async (url: string) => {
        openedExternal.push(url);
      },
    },
    ipcMain: {
      handle: (
        channel: string,
        listener: (event: unknown, payload: unknown) => Promise<unknown>,
      ) => {
        if (handled.has(channel)) throw new Error(`second handler for ${channel}`);
        handled.set(channel, listener);
      },
    },
    ipcRenderer: {
      invoke: async (channel: string, payload: unknown) => {
        rendererInvokes.push({ channel, payload });
        return { ok: true, value: null };
      },
      on: () => {},
      removeListener: () => {},
    },
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => {
        exposed.set(key, api);
      },
    },
  };

  return {
    electron,
    handled,
    exposed,
    rendererInvokes,
    openedExternal,
    windows,
    permissionHandler: () => permissionHandler,
    permissionCheckHandler: () => permissionCheckHandler,
    privilegedSchemes,
    protocolHandlers,
  };
}
