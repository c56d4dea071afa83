import { useIpcQuery } from '../data/useIpcQuery';

const none: readonly string[] = [];

/** Names of the app's other connections and flows: a new connection's name must differ. */
export function useExistingNames(own: string | undefined): readonly string[] {
  const query = useIpcQuery(
    async (client) => {
      const [connections, flows] = await Promise.all([
        client.call('connections:list'),
        client.call('setup:list'),
      ]);
      const all = [
        ...connections.filter((c) => c.id !== own).map((c) => c.name),
        ...flows
          .filter((f) => f.plan.connectionId !== own && f.step !== 'tornDown')
          .map((f) => f.plan.connectionName),
      ];
      return [...new Set(all)];
    },
    { key: own ?? '' },
  );
  return query.status === 'ready' ? query.value : none;
}
