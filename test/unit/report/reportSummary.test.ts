import { describe, expect, it } from 'vitest';
import { renderSummaryHtml } from '../../../main/report/reportSummary';

const cell = (label: string) => new RegExp(`<td>${label}</td><td>([^<]*)</td>`);

describe('the diagnostic report summary', () => {
  it('quotes the app versions and the OS on one line each, in the usual order', () => {
    const html = renderSummaryHtml({
      app: { version: '0.1.0', electron: '38.1.0', chromium: '140.0', node: '24.8.0' },
      os: { platform: 'darwin', arch: 'arm64', release: '24.6.0', version: 'Darwin Kernel' },
    });
    expect(cell('Electron / Chromium / Node').exec(html)?.[1]).toBe('38.1.0 / 140.0 / 24.8.0');
    expect(cell('OS').exec(html)?.[1]).toBe('darwin arm64 24.6.0 Darwin Kernel');
  });

  it('leaves a missing field blank instead of breaking the line', () => {
    const html = renderSummaryHtml({ app: { electron: '38.1.0', node: 24 }, os: 'unknown' });
    expect(cell('Electron / Chromium / Node').exec(html)?.[1]).toBe('38.1.0 /  / 24');
    expect(cell('OS').exec(html)?.[1]).toBe('   ');
  });
});
