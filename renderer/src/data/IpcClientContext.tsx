import { createContext, useContext, type ReactNode } from 'react';
import { windowIpcClient, type IpcClient } from '../ipc/api';

const IpcClientContext = createContext<IpcClient | null>(null);

/** Hands the hooks below it a client: the window's in the app, a fake in component tests. */
export function IpcClientProvider({
  client,
  children,
}: {
  client: IpcClient;
  children: ReactNode;
}) {
  return <IpcClientContext.Provider value={client}>{children}</IpcClientContext.Provider>;
}

/** The client for this tree. Only hooks in `data/` and the feature hooks use it. */
export function useIpcClient(): IpcClient {
  return useContext(IpcClientContext) ?? windowIpcClient();
}
