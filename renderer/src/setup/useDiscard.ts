import { useCallback, useState } from 'react';
import type { DiscardPreview, DiscardState } from '../../../shared/flow/discard';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcEvent } from '../data/useIpcEvent';
import { useIpcQuery } from '../data/useIpcQuery';

/** Which abandoned setup: by id, with where to look when this computer has no flow for it. */
export interface DiscardRequest {
  readonly connectionId: string;
  readonly profile?: string;
  readonly region?: string;
}

export type DiscardView =
  | { readonly phase: 'loading' }
  | { readonly phase: 'confirm'; readonly preview: DiscardPreview }
  | { readonly phase: 'running'; readonly preview: DiscardPreview; readonly state?: DiscardState }
  | { readonly phase: 'error'; readonly error: unknown; readonly preview?: DiscardPreview };

/**
 * One discard as a screen follows it: the preview first (nothing removed), then — once the user
 * confirmed that exact list — the background removal, kept current by main's pushes.
 */
export function useDiscard(request: DiscardRequest) {
  const client = useIpcClient();
  const { connectionId, profile, region } = request;
  const ref = {
    connectionId,
    ...(profile === undefined ? {} : { profile }),
    ...(region === undefined ? {} : { region }),
  };
  const key = JSON.stringify(ref);
  const preview = useIpcQuery(
    (c) => c.call('setup:discardPreview', JSON.parse(key) as DiscardRequest),
    { key },
  );
  // Set once the user confirmed: the removal as main reports it, or why it could not start.
  const [started, setStarted] = useState<Exclude<DiscardView, { phase: 'loading' | 'confirm' }>>();

  useIpcEvent('setup:discardChanged', (state) => {
    if (state.connectionId !== connectionId) return;
    setStarted((v) => (v?.phase === 'running' ? { ...v, state } : v));
  });

  const confirm = useCallback(
    (listed: DiscardPreview) => {
      setStarted({ phase: 'running', preview: listed });
      client
        .call('setup:discard', {
          ...(JSON.parse(key) as DiscardRequest),
          resources: [...listed.resources],
        })
        .then(
          // Pushes may have overtaken the answer: the first state seen is the older one.
          (state) =>
            setStarted((v) =>
              v?.phase === 'running' && v.state === undefined ? { ...v, state } : v,
            ),
          (error: unknown) => setStarted({ phase: 'error', error, preview: listed }),
        );
    },
    [client, key],
  );

  const view: DiscardView =
    started ??
    (preview.status === 'ready'
      ? { phase: 'confirm', preview: preview.value }
      : preview.status === 'error'
        ? { phase: 'error', error: preview.error }
        : { phase: 'loading' });
  return { view, confirm };
}
