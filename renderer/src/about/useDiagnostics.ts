import { useIpcQuery } from '../data/useIpcQuery';

/** What the About screen shows: versions, platform and the AWS files the app reads. */
export function useDiagnostics() {
  return useIpcQuery((client) => client.call('app:getDiagnostics'));
}
