import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName, EventPayloadOf } from '../../../shared/ipc/contract';
import type { IpcClient } from '../ipc/api';
import { useIpcClient } from './IpcClientContext';

export type QueryState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'error'; readonly error: unknown };

export type Query<T> = QueryState<T> & { readonly refetch: () => void };

/**
 * A push from the contract's event table that concerns a query: `when` picks the pushes that
 * matter (e.g. for one connection); `update` folds the payload into the answer, and without it
 * the answer is read again.
 */
export type Follow<T> = {
  [E in EventName]: {
    readonly event: E;
    readonly when?: (payload: EventPayloadOf<E>) => boolean;
    readonly update?: (payload: EventPayloadOf<E>, current: T | undefined) => T;
  };
}[EventName];

export interface QueryOptions<T> {
  /**
   * What the answer depends on: a new key reads again, and an answer for another key is never
   * shown (a slow answer for an earlier choice). `null`: nothing to read yet.
   */
  readonly key?: string | null;
  /** Pushes that keep the answer current, so no screen polls. */
  readonly follow?: readonly (EventName | Follow<T>)[];
  /** Waits this long after the key last changed before asking (values being typed). */
  readonly delayMs?: number;
}

type Stored<T> = { readonly key: string; readonly state: QueryState<T> };

/**
 * The renderer's one way to read main: runs `load` with the IPC client when mounted and when the
 * key changes, exposes loading / value / error and a refetch, and follows the pushes it is told
 * to. A refetch keeps the last answer on screen until the new one arrives.
 */
export function useIpcQuery<T>(
  load: (client: IpcClient) => Promise<T>,
  options: QueryOptions<T> = {},
): Query<T> {
  const client = useIpcClient();
  const key = options.key === undefined ? '' : options.key;
  const { delayMs } = options;
  const [stored, setStored] = useState<Stored<T>>();
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ load, follow: options.follow ?? [] });
  // Pushes folded in so far: a read that started before one answers older news and is dropped.
  const folded = useRef(0);
  useEffect(() => {
    latest.current = { load, follow: options.follow ?? [] };
  });

  useEffect(() => {
    if (key === null) return undefined;
    let live = true;
    const read = () => {
      const before = folded.current;
      return latest.current.load(client).then(
        (value) =>
          live &&
          folded.current === before &&
          setStored({ key, state: { status: 'ready', value } }),
        (error: unknown) =>
          live &&
          folded.current === before &&
          setStored({ key, state: { status: 'error', error } }),
      );
    };
    if (delayMs === undefined) {
      void read();
      return () => {
        live = false;
      };
    }
    const timer = setTimeout(() => void read(), delayMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [client, key, generation, delayMs]);

  const refetch = useCallback(() => setGeneration((g) => g + 1), []);

  const followed = (options.follow ?? [])
    .map((f) => (typeof f === 'string' ? f : f.event))
    .join(',');
  useEffect(() => {
    if (key === null || followed === '') return undefined;
    const names = [...new Set(followed.split(','))] as EventName[];
    const offs = names.map((name) =>
      client.on(name, (payload) => {
        for (const follow of latest.current.follow) {
          if (typeof follow === 'string') {
            if (follow === name) refetch();
            continue;
          }
          if (follow.event !== name) continue;
          const f = follow as {
            when?: (p: unknown) => boolean;
            update?: (p: unknown, current: T | undefined) => T;
          };
          if (f.when !== undefined && !f.when(payload)) continue;
          if (f.update === undefined) refetch();
          else {
            const update = f.update;
            folded.current += 1;
            setStored((s) => ({
              key,
              state: {
                status: 'ready',
                value: update(
                  payload,
                  s?.key === key && s.state.status === 'ready' ? s.state.value : undefined,
                ),
              },
            }));
          }
        }
      }),
    );
    return () => offs.forEach((off) => off());
  }, [client, key, followed, refetch]);

  const state: QueryState<T> =
    stored !== undefined && stored.key === key ? stored.state : { status: 'loading' };
  return { ...state, refetch };
}

/** The value of a query once it has one. */
export const valueOf = <T>(query: QueryState<T>): T | undefined =>
  query.status === 'ready' ? query.value : undefined;

/** The error of a query that failed. */
export const errorOf = (query: QueryState<unknown>): unknown =>
  query.status === 'error' ? query.error : undefined;
