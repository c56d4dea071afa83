import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { IpcClientProvider } from '../../renderer/src/data/IpcClientContext';
import { fakeIpc, type FakeIpc, type Handlers } from './fakeIpc';

/** Renders a screen over a fake main; returns Testing Library's queries and the fake. */
export function renderScreen(ui: ReactElement, handlers: Handlers | FakeIpc = {}) {
  const ipc = 'client' in handlers ? (handlers as FakeIpc) : fakeIpc(handlers as Handlers);
  const view = render(<IpcClientProvider client={ipc.client}>{ui}</IpcClientProvider>);
  return { ...view, ipc };
}
