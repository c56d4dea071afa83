import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TrackedConnection } from '../../../shared/smooz/trackingRecord';
import type { MainServices } from '../../../main/app/mainServices';
import { createSmoozHandlers } from '../../../main/ipc/smoozHandlers';

const customerSide = { region: 'ap-northeast-1' };

function handlersWithTracker() {
  const tracked: TrackedConnection[] = [];
  const smooz = {
    client: { deleteConnection: async () => ({ id: 'conn-1', status: 'deleting' }) },
    tracker: { track: (entry: TrackedConnection) => tracked.push(entry) },
  };
  const handlers = createSmoozHandlers({ smooz } as unknown as MainServices);
  return { handlers, tracked };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('SMOOZ tracking started from the renderer', () => {
  it('watches a deletion SMOOZ accepted as a deletion, timed from the request', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T09:00:00.000Z') });
    const { handlers, tracked } = handlersWithTracker();
    await handlers['smooz:deleteConnection']({ connectionId: 'conn-1', customerSide });
    expect(tracked).toEqual([
      {
        connectionId: 'conn-1',
        purpose: 'delete',
        startedAt: '2026-12-01T09:00:00.000Z',
        customerSide,
      },
    ]);
  });

  it('follows a connection the user names as a creation, timed from the request', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T09:30:00.000Z') });
    const { handlers, tracked } = handlersWithTracker();
    await handlers['smooz:trackConnection']({ connectionId: 'conn-2', customerSide });
    expect(tracked).toEqual([
      {
        connectionId: 'conn-2',
        purpose: 'create',
        startedAt: '2026-12-01T09:30:00.000Z',
        customerSide,
      },
    ]);
  });
});
