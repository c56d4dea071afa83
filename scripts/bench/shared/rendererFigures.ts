// The renderer's two figures, reported with the other guided-setup figures: JavaScript size of
// the production bundle (raw and gzipped), and the time from opening the page to an interactive
// home screen in Chromium (cold loads; the median is the figure).
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../../test/support/browser';
import { ROOT, startBridgeApp } from '../../../test/support/bridgeApp';

export function rendererBundleSizes(dir = 'renderer'): { raw: number; gzip: number } {
  const assets = join(ROOT, 'dist', dir, 'assets');
  let raw = 0;
  let gzip = 0;
  for (const file of readdirSync(assets).filter((f) => f.endsWith('.js'))) {
    const content = readFileSync(join(assets, file));
    raw += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
  }
  return { raw, gzip };
}

export interface LoadTimings {
  readonly runs: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** Cold loads of the bridge build (a fresh browser context each) until the start button shows. */
export async function launchToInteractiveHome(runs = 7): Promise<LoadTimings> {
  const awsDir = await mkdtemp(join(tmpdir(), 'smooz-bench-aws-'));
  const app = await startBridgeApp({
    awsPaths: { configFile: join(awsDir, 'config'), credentialsFile: join(awsDir, 'credentials') },
  });
  const browser = await launchChromium();
  const timings: number[] = [];
  try {
    for (let i = 0; i < runs; i += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(app.server.pageUrl);
      await page
        .getByRole('button', { name: '自動セットアップを開始' })
        .waitFor({ state: 'visible' });
      timings.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await rm(awsDir, { recursive: true, force: true });
  }
  timings.sort((a, b) => a - b);
  return {
    runs,
    median: timings[Math.floor(timings.length / 2)] ?? 0,
    min: timings[0] ?? 0,
    max: timings.at(-1) ?? 0,
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export function describeSizes(sizes: { raw: number; gzip: number }): string {
  return `renderer JS (production): ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzipped (target < 300 KB gzipped)`;
}

export function describeLoad(load: LoadTimings): string {
  return (
    `launch → interactive home (Chromium, bridge build, ${load.runs} cold loads): ` +
    `median ${load.median.toFixed(0)} ms, min ${load.min.toFixed(0)} ms, ` +
    `max ${load.max.toFixed(0)} ms (target < 1000 ms)`
  );
}
