// Renderer figures: JavaScript size (raw and gzipped) of the production bundle, and the time from
// opening the page to an interactive home screen in Chromium (median of several cold loads).
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../test/support/browser';
import { ROOT, startBridgeApp } from '../../test/support/bridgeApp';

const RUNS = 7;

function bundleSizes(dir: string) {
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

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizes = bundleSizes('renderer');
console.log(
  `renderer JS (production): ${kb(sizes.raw)} raw, ${kb(sizes.gzip)} gzipped (target < 300 KB gzipped)`,
);

const awsDir = await mkdtemp(join(tmpdir(), 'smooz-bench-aws-'));
const app = await startBridgeApp({
  awsPaths: { configFile: join(awsDir, 'config'), credentialsFile: join(awsDir, 'credentials') },
});
const browser = await launchChromium();
const timings: number[] = [];
try {
  for (let i = 0; i < RUNS; i += 1) {
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
}
timings.sort((a, b) => a - b);
const median = timings[Math.floor(timings.length / 2)] ?? 0;
console.log(
  `launch → interactive home (Chromium, bridge build, ${RUNS} cold loads): median ${median.toFixed(0)} ms, ` +
    `min ${timings[0]?.toFixed(0)} ms, max ${timings.at(-1)?.toFixed(0)} ms (target < 1000 ms)`,
);
