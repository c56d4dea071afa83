import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SecretEncryptor } from '../../../main/smooz/secretEncryptor';
import { createTokenStore } from '../../../main/smooz/tokenStore';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';

const TOKEN = 'smz_live_7Hq2VxP9wKd3LmN8rT4yZ6bC1fG5jS0a';
let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'smooz-token-'));
  file = join(dir, 'smooz-token.bin');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function everyFileInDir(): Promise<Buffer> {
  const names = await readdir(dir);
  return Buffer.concat(await Promise.all(names.map((n) => readFile(join(dir, n)))));
}

describe('SMOOZ token store', () => {
  it('never writes the token in plain text, and reads it back', async () => {
    const store = createTokenStore(file, createFakeEncryptor());
    await store.write(TOKEN);

    const onDisk = await everyFileInDir();
    expect(onDisk.length).toBeGreaterThan(0);
    expect(onDisk.includes(Buffer.from(TOKEN, 'utf8'))).toBe(false);
    expect(onDisk.includes(Buffer.from(TOKEN, 'utf16le'))).toBe(false);
    expect(onDisk.toString('latin1')).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(await createTokenStore(file, createFakeEncryptor()).status()).toEqual({ isSet: false });
  });

  it('tells only that a token is set and its last four characters', async () => {
    const encryptor = createFakeEncryptor();
    await createTokenStore(file, encryptor).write(TOKEN);
    const reopened = createTokenStore(file, encryptor);
    expect(await reopened.status()).toEqual({ isSet: true, last4: 'jS0a' });
    expect(await reopened.read()).toBe(TOKEN);
  });

  it('writes nothing when the OS keychain is unavailable', async () => {
    const store = createTokenStore(file, createFakeEncryptor(false));
    await expect(store.write(TOKEN)).rejects.toMatchObject({ code: 'smooz.keychainUnavailable' });
    expect(await readdir(dir)).toEqual([]);
    expect(store.canEncrypt()).toBe(false);
  });

  it('treats Linux’s hard-coded-key backend as no keychain', async () => {
    const store = createTokenStore(file, {
      ...createFakeEncryptor(),
      getSelectedStorageBackend: () => 'basic_text',
    });
    await expect(store.write(TOKEN)).rejects.toMatchObject({ code: 'smooz.keychainUnavailable' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses an "encryptor" whose output still holds the token', async () => {
    const leaky: SecretEncryptor = {
      isEncryptionAvailable: () => true,
      encryptString: (plain) => Buffer.from(`v10${plain}`),
      decryptString: (b) => b.toString().slice(3),
    };
    await expect(createTokenStore(file, leaky).write(TOKEN)).rejects.toMatchObject({
      code: 'smooz.keychainUnavailable',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the file readable by its owner only', async () => {
    await createTokenStore(file, createFakeEncryptor()).write(TOKEN);
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('reports an unreadable file (another keychain) as an error to re-enter the token', async () => {
    await writeFile(file, Buffer.from('not a cipher text of this keychain'));
    const store = createTokenStore(file, createFakeEncryptor());
    await expect(store.read()).rejects.toMatchObject({ code: 'smooz.tokenUnreadable' });
    expect(await store.status()).toEqual({ isSet: false });
  });

  it('forgets the token on clear', async () => {
    const store = createTokenStore(file, createFakeEncryptor());
    await store.write(TOKEN);
    await store.clear();
    expect(await store.status()).toEqual({ isSet: false });
    expect(await readdir(dir)).toEqual([]);
  });
});
