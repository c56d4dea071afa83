import { useCallback, useEffect, useState } from 'react';
import type { DiscardPreview, DiscardState } from '../../../shared/flow/discard';
import { call, onEvent } from '../ipc/api';

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
  const [view, setView] = useState<DiscardView>({ phase: 'loading' });
  const { connectionId, profile, region } = request;
  const ref = {
    connectionId,
    ...(profile === undefined ? {} : { profile }),
    ...(region === undefined ? {} : { region }),
  };
  const key = JSON.stringify(ref);

  useEffect(() => {
    let live = true;
    call('setup:discardPreview', JSON.parse(key) as DiscardRequest).then(
      (preview) => live && setView({ phase: 'confirm', preview }),
      (error: unknown) => live && setView({ phase: 'error', error }),
    );
    const off = onEvent('setup:discardChanged', (state) => {
      if (state.connectionId !== connectionId) return;
      setView((v) => (v.phase === 'running' ? { ...v, state } : v));
    });
    return () => {
      live = false;
      off();
    };
  }, [key, connectionId]);

  const confirm = useCallback(
    (preview: DiscardPreview) => {
      setView({ phase: 'running', preview });
      call('setup:discard', {
        ...(JSON.parse(key) as DiscardRequest),
        resources: [...preview.resources],
      }).then(
        // Pushes may have overtaken the answer: the first state seen is the older one.
        (state) =>
          setView((v) => (v.phase === 'running' && v.state === undefined ? { ...v, state } : v)),
        (error: unknown) => setView({ phase: 'error', error, preview }),
      );
    },
    [key],
  );

  return { view, confirm };
}
