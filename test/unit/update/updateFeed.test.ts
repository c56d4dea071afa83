import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../../main/base/logger';
import { electronUpdaterPort } from '../../../main/electron/electronUpdater';
import { createUpdateService } from '../../../main/update/updateService';
import { realUpdater, startUpdateFeed } from '../../support/updateFeed';

/** A logger that keeps what was said, by level, to show what the user could be alarmed by. */
function recordingLogger() {
  const lines: { level: string; message: string; reason?: unknown }[] = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, ...(fields?.reason ? { reason: fields.reason } : {}) });
  const logger: Logger = { info: at('info'), warn: at('warn'), error: at('error') };
  return { logger, lines };
}

const savedAppImage = process.env.APPIMAGE;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  process.env.APPIMAGE = savedAppImage;
  if (savedAppImage === undefined) delete process.env.APPIMAGE;
  for (const close of closers.splice(0)) await close();
});

/** The app's update service on electron-updater's real updater, installed version 0.1.0. */
function serviceOn(feedUrl: string) {
  const real = realUpdater('0.1.0');
  process.env.APPIMAGE = real.installed;
  const { logger, lines } = recordingLogger();
  const service = createUpdateService({
    updater: electronUpdaterPort(real.updater, feedUrl, logger),
    isBusy: () => false,
    logger,
  });
  return { service, lines, ...real };
}

/** Every file electron-updater keeps under its cache folder. */
function cachedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('auto-update against a local update feed (electron-updater, generic provider)', () => {
  it('offers a newer version, downloads it in the background and has it ready to install', async () => {
    const feed = await startUpdateFeed({ version: '0.2.0' });
    closers.push(feed.close);
    const { service, cacheDir } = serviceOn(feed.url);
    await service.checkNow();
    expect(service.status()).toEqual({ status: 'ready', version: '0.2.0' });
    expect(feed.requests.some((path) => path.endsWith('.AppImage'))).toBe(true);
    const downloaded = cachedFiles(cacheDir).filter((file) => file.endsWith('.AppImage'));
    expect(downloaded.map((file) => readFileSync(file).equals(feed.artifact))).toContain(true);
  });

  it('refuses an artifact whose SHA-512 does not match the feed: nothing is ready to install', async () => {
    const feed = await startUpdateFeed({ version: '0.2.0', tamper: true });
    closers.push(feed.close);
    const { service, lines, cacheDir } = serviceOn(feed.url);
    await service.checkNow();
    expect(service.status()).toEqual({ status: 'idle' });
    expect(lines).toContainEqual({
      level: 'warn',
      message: 'update.downloadFailed',
      reason: 'ERR_CHECKSUM_MISMATCH',
    });
    expect(() => service.installNow()).toThrow(
      expect.objectContaining({ code: 'update.notReady' }),
    );
    const kept = cachedFiles(cacheDir).filter((file) => file.endsWith('.AppImage'));
    expect(kept.some((file) => readFileSync(file).length > 0 && !file.includes('temp'))).toBe(
      false,
    );
  });

  it('keeps quiet when the feed is down: the app goes on, nothing above info is logged', async () => {
    const feed = await startUpdateFeed({ version: '0.2.0' });
    await feed.close();
    const { service, lines } = serviceOn(feed.url);
    await service.checkNow();
    expect(service.status()).toEqual({ status: 'idle' });
    expect(lines.filter((line) => line.level !== 'info')).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'info', message: 'update.feedUnreachable' }),
    );
  });

  it('offers nothing when the feed has the installed version', async () => {
    const feed = await startUpdateFeed({ version: '0.1.0' });
    closers.push(feed.close);
    const { service } = serviceOn(feed.url);
    await service.checkNow();
    expect(service.status()).toEqual({ status: 'idle' });
    expect(feed.requests.some((path) => path.endsWith('.AppImage'))).toBe(false);
  });
});
