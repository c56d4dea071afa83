import { useMemo } from 'react';
import type { RequestOf } from '../../../shared/ipc/contract';
import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';
import type { Target } from './TargetStep';

/** The region's RDS instances and clusters the profile can see. */
export function useDatabases(target: Target) {
  const { profile, region } = target;
  return useIpcQuery(
    async (client) => (await client.call('setup:listDatabases', { profile, region })).databases,
    { key: `${profile}|${region}` },
  );
}

/** 3-1's two requests: a database by its typed endpoint, and the new flow itself. */
export function useSetupCreation() {
  const client = useIpcClient();
  return useMemo(
    () => ({
      resolveEndpoint: (request: RequestOf<'setup:resolveEndpoint'>) =>
        client.call('setup:resolveEndpoint', request),
      create: (request: RequestOf<'setup:create'>) => client.call('setup:create', request),
    }),
    [client],
  );
}
