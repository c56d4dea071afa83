import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/bridgeApp';

const bundleText = (dir: string) =>
  readdirSync(join(ROOT, 'dist', dir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(ROOT, 'dist', dir, 'assets', f), 'utf8'))
    .join('\n');

describe('the production renderer bundle', () => {
  it('contains no loopback-bridge code, while the test build does', () => {
    const markers = ['EventSource', '/ipc/', '/events?token='];
    const production = bundleText('renderer');
    const bridge = bundleText('renderer-bridge');
    for (const marker of markers) {
      expect(production.includes(marker), marker).toBe(false);
      expect(bridge.includes(marker), marker).toBe(true);
    }
  });

  it('declares a Content-Security-Policy that allows no network and no inline script', () => {
    const html = readFileSync(join(ROOT, 'dist', 'renderer', 'index.html'), 'utf8');
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
});
