/**
 * The part of Electron's `safeStorage` the token store uses. The app passes `safeStorage`
 * itself; plain-Node hosts (tests, the browser demo) pass an encryptor of their own, which must
 * also never produce the plain text.
 */
export interface SecretEncryptor {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means a hard-coded key, i.e. no OS keychain. */
  getSelectedStorageBackend?(): string;
}
