import { useIpcQuery } from '../data/useIpcQuery';

/** The migrations kept on this computer, current with every pushed transition. */
export function useMigrations() {
  return useIpcQuery((client) => client.call('migration:list'), {
    follow: ['migration:changed'],
  });
}
