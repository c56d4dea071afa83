import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretEncryptor } from '../../main/smooz/secretEncryptor';

/**
 * Stands in for Electron safeStorage in plain Node: real AES-256-GCM with a key that lives only
 * in this object, so what reaches the disk is cipher text as in the app. Share one instance
 * between two app instances to simulate a restart on the same machine.
 */
export function createFakeEncryptor(available = true): SecretEncryptor {
  const key = randomBytes(32);
  return {
    isEncryptionAvailable: () => available,
    encryptString(plainText) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decryptString(encrypted) {
      const decipher = createDecipheriv('aes-256-gcm', key, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      return Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
