/**
 * The part of the app's state file a store reads and writes, named by its keys. Each feature
 * declares the keys it owns; the composition root's schema (main/app/storeSchema.ts) holds them
 * all, and electron-store (in the app) or Conf (in plain-Node tests) satisfies every slice.
 */
export interface StoreBacking<S> {
  get<K extends keyof S>(key: K): S[K];
  set<K extends keyof S>(key: K, value: S[K]): void;
}
