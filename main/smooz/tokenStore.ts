import { chmod, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { AppError } from '../../shared/errors';
import type { SecretEncryptor } from './secretEncryptor';
import { SmoozErrorCodes } from './smoozErrors';

export interface TokenStatus {
  readonly isSet: boolean;
  /** The last four characters, so the user can tell which token is stored. */
  readonly last4?: string;
}

export interface TokenStore {
  status(): Promise<TokenStatus>;
  /** The token for the Authorization header; main only, never sent to the renderer. */
  read(): Promise<string | undefined>;
  write(token: string): Promise<void>;
  clear(): Promise<void>;
  canEncrypt(): boolean;
}

/**
 * The SMOOZ API token, encrypted with the OS keychain (Electron safeStorage) in one file of its
 * own. Nothing is written unless encryption is really available, and a cipher text that still
 * holds the token is refused rather than written.
 */
export function createTokenStore(file: string, encryptor: SecretEncryptor | undefined): TokenStore {
  let cached: string | undefined;

  const canEncrypt = () =>
    encryptor !== undefined &&
    encryptor.isEncryptionAvailable() &&
    encryptor.getSelectedStorageBackend?.() !== 'basic_text';

  async function read(): Promise<string | undefined> {
    if (cached !== undefined) return cached;
    let encrypted: Buffer;
    try {
      encrypted = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!encryptor || !encryptor.isEncryptionAvailable()) {
      throw new AppError(SmoozErrorCodes.keychainUnavailable);
    }
    try {
      cached = encryptor.decryptString(encrypted);
    } catch (error) {
      throw new AppError(SmoozErrorCodes.tokenUnreadable, {}, error);
    }
    return cached;
  }

  return {
    canEncrypt,
    read,
    async status() {
      const token = await read().catch(() => undefined);
      return token === undefined ? { isSet: false } : { isSet: true, last4: token.slice(-4) };
    },
    async write(token) {
      if (!encryptor || !canEncrypt()) throw new AppError(SmoozErrorCodes.keychainUnavailable);
      const encrypted = encryptor.encryptString(token);
      if (encrypted.includes(Buffer.from(token, 'utf8'))) {
        throw new AppError(SmoozErrorCodes.keychainUnavailable);
      }
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, encrypted, { mode: 0o600 });
      await chmod(temporary, 0o600);
      await rename(temporary, file);
      cached = token;
    },
    async clear() {
      cached = undefined;
      await rm(file, { force: true });
    },
  };
}
