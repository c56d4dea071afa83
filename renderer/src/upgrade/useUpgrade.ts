import { useIpcClient } from '../data/IpcClientContext';
import { useIpcQuery } from '../data/useIpcQuery';

/** The template version a connection's stack runs, kept current by the upgrade's pushes. */
export function useTemplateVersion(connectionId: string) {
  return useIpcQuery((client) => client.call('lifecycle:upgradeCheck', { connectionId }), {
    key: connectionId,
    follow: [{ event: 'lifecycle:upgradeChanged', when: (s) => s.connectionId === connectionId }],
  });
}

/**
 * The connection's upgrade: preparing it (or finding the one already prepared) when the screen
 * opens, then each saved transition as main pushes it.
 */
export function useUpgrade(connectionId: string) {
  return useIpcQuery((client) => client.call('lifecycle:upgradePreview', { connectionId }), {
    key: connectionId,
    follow: [
      {
        event: 'lifecycle:upgradeChanged',
        when: (s) => s.connectionId === connectionId,
        update: (s) => s,
      },
    ],
  });
}

/** Apply and cancel; their answers also arrive as pushes, which the screen follows. */
export function useUpgradeCommands() {
  const client = useIpcClient();
  return {
    apply: (connectionId: string) => client.call('lifecycle:upgradeApply', { connectionId }),
    cancel: (connectionId: string) => client.call('lifecycle:upgradeCancel', { connectionId }),
  };
}
