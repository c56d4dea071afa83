import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { displayValue, type DisplayKind } from '../../../shared/redaction/kinds';
import { redactText } from '../../../shared/redaction/patterns';
import { usePreferences } from '../layout/usePreferences';

interface SupportMode {
  readonly enabled: boolean;
  setEnabled(enabled: boolean): void;
  /** Formats a value for the screen: masked by kind while support mode is on. */
  format(kind: DisplayKind, value: string): string;
}

const SupportModeContext = createContext<SupportMode>({
  enabled: false,
  setEnabled: () => {},
  format: (_kind, value) => value,
});

/**
 * Holds the support-mode preference for the whole window. While it is on, every `<Sensitive>`
 * value is masked, and anything copied from the page is redacted on its way to the clipboard
 * (the last line of defence for text inside inputs and selections).
 */
export function SupportModeProvider({ children }: { children: ReactNode }) {
  const { preferences, save } = usePreferences();
  const enabled = preferences.supportMode ?? false;

  useEffect(() => {
    document.documentElement.dataset.supportMode = enabled ? 'on' : 'off';
    if (!enabled) return undefined;
    const onCopy = (event: ClipboardEvent) => {
      const active = document.activeElement;
      const fromInput =
        active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement
          ? active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0)
          : '';
      const text = fromInput || (window.getSelection()?.toString() ?? '');
      event.clipboardData?.setData('text/plain', redactText(text));
      event.preventDefault();
    };
    document.addEventListener('copy', onCopy);
    document.addEventListener('cut', onCopy);
    return () => {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
    };
  }, [enabled]);

  const setEnabled = useCallback((next: boolean) => save({ supportMode: next }), [save]);

  const value = useMemo<SupportMode>(
    () => ({
      enabled,
      setEnabled,
      format: (kind, raw) => displayValue(kind, raw, enabled),
    }),
    [enabled, setEnabled],
  );
  return <SupportModeContext.Provider value={value}>{children}</SupportModeContext.Provider>;
}

export const useSupportMode = (): SupportMode => useContext(SupportModeContext);
