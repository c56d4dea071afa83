import { useCallback, useEffect, useState } from 'react';
import { call } from '../ipc/api';
import type { SmoozDefaults } from './DatabaseStep';

type Readiness =
  | { status: 'loading' }
  | { status: 'needsToken' }
  | { status: 'ready'; defaults: SmoozDefaults }
  | { status: 'error'; error: unknown };
export type SmoozReadiness = Readiness & { reload: () => void };

/**
 * Whether SMOOZ can be asked (a token is stored) and what it pre-fills: its AWS account id (⑧)
 * and the prefix of every AWS name a connection gets. Read once; again after a token is entered.
 */
export function useSmoozReadiness(): SmoozReadiness {
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState<Readiness>({ status: 'loading' });
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const token = await call('smooz:getTokenStatus');
        if (!token.isSet) {
          if (live) setState({ status: 'needsToken' });
          return;
        }
        const settings = await call('smooz:getSettings');
        if (live) {
          setState({
            status: 'ready',
            defaults: {
              smoozAccountId: settings.smoozAwsAccountId,
              smoozRoleArn: settings.smoozRoleArn,
              resourceNamePrefix: settings.resourceNamePrefix,
            },
          });
        }
      } catch (error) {
        if (live) setState({ status: 'error', error });
      }
    })();
    return () => {
      live = false;
    };
  }, [generation]);
  return { ...state, reload };
}
