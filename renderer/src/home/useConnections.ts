import { useIpcQuery } from '../data/useIpcQuery';

/**
 * The home list: connections and the flows behind them, read again whenever a flow or a guided
 * record changes (a teardown finishing, a setup reaching `available`).
 */
export function useConnections() {
  return useIpcQuery(
    async (client) => {
      const [connections, flows] = await Promise.all([
        client.call('connections:list'),
        client.call('setup:list'),
      ]);
      return { connections, flows };
    },
    { follow: ['guided:changed', 'setup:stateChanged'] },
  );
}
