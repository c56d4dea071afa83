import type { z } from 'zod';
import type { StoreBacking } from './storeBacking';

/**
 * What the diagnostic report gathers while the app runs, kept on disk: a report is often
 * exported after a restart (support is called once something went wrong), and it must still hold
 * the preflight results, stack events, SMOOZ status history and errors from before it.
 */
/** The key the journal owns in the state file (sections parsed when read). */
export type JournalState = { diagnosticsJournal: Record<string, unknown> };

export type JournalSection = 'preflight' | 'stackEvents' | 'smoozHistory' | 'recentErrors';

export interface DiagnosticsJournal {
  /** The section as saved, parsed; what does not parse (an older or damaged file) is `fallback`. */
  read<T>(section: JournalSection, schema: z.ZodType<T>, fallback: T): T;
  save(section: JournalSection, value: unknown): void;
}

export function createStoreJournal(backing: StoreBacking<JournalState>): DiagnosticsJournal {
  return {
    read(section, schema, fallback) {
      const parsed = schema.safeParse(backing.get('diagnosticsJournal')[section]);
      return parsed.success ? parsed.data : fallback;
    },
    save(section, value) {
      backing.set('diagnosticsJournal', { ...backing.get('diagnosticsJournal'), [section]: value });
    },
  };
}
