import { useEffect, useRef, useState } from 'react';
import type { SsoLoginFlow, SsoLoginProgress, SsoTarget } from '../../../shared/aws/sso';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcEvent } from '../data/useIpcEvent';
import { IpcCallError } from '../ipc/api';

export type SsoLoginStage = SsoLoginProgress['stage'] | 'starting';

/**
 * One SSO login started from a screen: its stage, its error, and `onDone` once it succeeded.
 * Progress events are kept per login from the start, because one may arrive before the start
 * call's answer names the login.
 */
export type SsoLogin = ReturnType<typeof useSsoLogin>;

export function useSsoLogin(onDone: () => void) {
  const client = useIpcClient();
  const [starting, setStarting] = useState(false);
  const [loginId, setLoginId] = useState<string>();
  const [progress, setProgress] = useState<Readonly<Record<string, SsoLoginProgress>>>({});
  const [startError, setStartError] = useState<unknown>();
  const done = useRef(onDone);
  useEffect(() => {
    done.current = onDone;
  });

  useIpcEvent('aws:ssoLoginProgress', (event) =>
    setProgress((all) => ({ ...all, [event.loginId]: event })),
  );

  const current = loginId === undefined ? undefined : progress[loginId];
  useEffect(() => {
    if (current?.stage === 'done') done.current();
  }, [current]);

  const start = async (target: SsoTarget, flow: SsoLoginFlow = 'authCode') => {
    setStartError(undefined);
    setStarting(true);
    try {
      const started = await client.call('aws:ssoLoginStart', { target, flow });
      setLoginId(started.loginId);
    } catch (error) {
      setStartError(error);
    } finally {
      setStarting(false);
    }
  };

  const stage: SsoLoginStage | undefined = starting
    ? 'starting'
    : loginId === undefined
      ? undefined
      : (current?.stage ?? 'browserOpened');
  const error =
    startError ?? (current?.stage === 'failed' ? new IpcCallError(current.error) : undefined);
  /** A new login may be started: none yet, or the last one ended without success. */
  const canStart =
    stage === undefined || stage === 'failed' || stage === 'cancelled' || stage === 'done';
  /** Opens the device-code login's verification page in the user's browser. */
  const openVerification = (id: string) =>
    void client.call('aws:ssoOpenVerificationPage', { loginId: id });
  return { start, stage, error, canStart, progress: current, openVerification };
}
