import type { FakeSsoOidc } from './fakeSsoOidc';

/**
 * Stands in for the system browser during an SSO login: it loads the authorize page and follows
 * its redirect back to the app's loopback listener, or visits the device verification page, as a
 * user who signs in would. With `user = 'idle'` it only records the URL (the user walked away).
 */
export interface FakeBrowser {
  readonly opened: string[];
  user: 'signsIn' | 'idle';
  openExternal(url: string): Promise<void>;
}

export function createFakeBrowser(oidc: FakeSsoOidc): FakeBrowser {
  const browser: FakeBrowser = {
    opened: [],
    user: 'signsIn',
    async openExternal(url) {
      browser.opened.push(url);
      if (browser.user === 'idle') return;
      if (new URL(url).pathname.endsWith('/authorize')) {
        // The browser runs on its own; opening it does not wait for the sign-in.
        void (async () => {
          const page = await fetch(url, { redirect: 'manual' });
          const location = page.headers.get('location');
          if (location) await fetch(location);
        })();
        return;
      }
      await oidc.visitVerificationPage(url);
    },
  };
  return browser;
}
