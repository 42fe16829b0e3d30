import { safeStorage } from 'electron';
import type { Keychain } from '../core/api/handlers/index';

/**
 * The OS keychain through safeStorage (Keychain on macOS, DPAPI on Windows, libsecret or
 * kwallet on Linux). On Linux without a secret service safeStorage falls back to a fixed key
 * ("basic_text"), which is no protection, so that counts as unavailable.
 */
export const osKeychain: Keychain = {
  available: async () =>
    safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
  encrypt: async (plain) => safeStorage.encryptString(plain),
  decrypt: async (cipher) => safeStorage.decryptString(cipher),
};
