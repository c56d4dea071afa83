import { useEffect, useSyncExternalStore } from 'react';

/**
 * Which screen the window shows, as one key the header can follow: a message about something the
 * user did (a failed export) belongs to the screen it was done on and goes when the user moves on.
 */
let current = '';
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces the screen a component shows; the innermost (latest) announcement wins. */
export function useAnnounceScreen(key: string): void {
  useEffect(() => {
    if (current === key) return;
    current = key;
    listeners.forEach((listener) => listener());
  }, [key]);
}

export function useCurrentScreen(): string {
  return useSyncExternalStore(subscribe, () => current);
}
