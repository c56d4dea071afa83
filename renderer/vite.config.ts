import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Two builds of one renderer: the production one (for Electron, no network at all) and the
 * `bridge` one for tests and the browser demo, which may talk to its own loopback origin.
 */
function contentSecurityPolicy(mode: string): Plugin {
  const connect = mode === 'bridge' ? "'self'" : "'none'";
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  return {
    name: 'content-security-policy',
    transformIndexHtml: (html) =>
      html.replace(
        '<!-- csp -->',
        `<meta http-equiv="Content-Security-Policy" content="${policy}" />`,
      ),
  };
}

export default defineConfig(({ mode }) => ({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicy(mode)],
  build: {
    outDir: mode === 'bridge' ? '../dist/renderer-bridge' : '../dist/renderer',
    emptyOutDir: true,
    sourcemap: mode === 'bridge',
    target: 'chrome140',
  },
}));
