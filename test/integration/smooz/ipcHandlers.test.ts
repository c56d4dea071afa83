import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SmoozStatusEvent } from '../../../shared/ipc/channels/smooz';
import type { IpcResult } from '../../../shared/ipc/result';
import { dispatch } from '../../../main/ipc/dispatch';
import type { HandlerTable } from '../../../main/ipc/handlers';
import { createSmoozHandlers } from '../../../main/ipc/smoozHandlers';
import { silentLogger } from '../../../main/base/logger';
import type { MainServices } from '../../../main/app/mainServices';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';
import { startSmoozServer, type SmoozServer } from '../../smooz-server/smoozServer';
import { createCustomerEndpointService } from './customerAccount';
import {
  ADMIN_TOKEN,
  MEMBER_TOKEN,
  removeDir,
  startAppInstance,
  type AppInstance,
} from './harness';

let server: SmoozServer;
let instance: AppInstance;
let handlers: HandlerTable;
const pushed: { event: string; payload: unknown }[] = [];
const answers: unknown[] = [];

async function call(channel: string, payload?: unknown): Promise<IpcResult<unknown>> {
  const result = await dispatch(handlers, channel, payload, silentLogger);
  answers.push(result);
  return result;
}

beforeAll(async () => {
  server = await startSmoozServer({
    motoEndpoint: inject('motoEndpoint'),
    adminTokens: [ADMIN_TOKEN],
    memberTokens: [MEMBER_TOKEN],
    transitionDelayMs: 300,
  });
  instance = await startAppInstance({
    motoEndpoint: inject('motoEndpoint'),
    smoozUrl: server.url,
    encryptor: createFakeEncryptor(),
  });
  instance.smooz.subscribe((payload) => {
    pushed.push({ event: 'smooz:connectionStatusChanged', payload });
  });
  // Only the SMOOZ services are used by these handlers; dispatch checks every payload's schema.
  handlers = createSmoozHandlers({ smooz: instance.smooz } as MainServices) as HandlerTable;
});

afterAll(async () => {
  await instance.smooz.tracker.stopAll();
  await server.close();
  await removeDir(instance.userDataDir);
});

async function filesContain(text: string): Promise<boolean> {
  const names = await readdir(instance.userDataDir);
  const contents = await Promise.all(names.map((n) => readFile(join(instance.userDataDir, n))));
  return contents.some((c) => c.includes(Buffer.from(text)));
}

describe('SMOOZ IPC channels', () => {
  it('refuses a non-administrator token without storing it', async () => {
    const result = await call('smooz:setToken', { token: MEMBER_TOKEN });
    expect(result).toEqual({ ok: false, error: { code: 'smooz.adminRequired' } });
    expect(await call('smooz:getTokenStatus')).toEqual({
      ok: true,
      value: { isSet: false, canEncrypt: true },
    });
    expect(await readdir(instance.userDataDir)).not.toContain('smooz-token.bin');
  });

  it('stores an administrator token encrypted and tells the renderer only its last four characters', async () => {
    const result = await call('smooz:setToken', { token: ADMIN_TOKEN });
    expect(result).toEqual({
      ok: true,
      value: { isSet: true, last4: ADMIN_TOKEN.slice(-4), canEncrypt: true },
    });
    expect(await readdir(instance.userDataDir)).toContain('smooz-token.bin');
    expect(await filesContain(ADMIN_TOKEN)).toBe(false);
  });

  it('creates a connection and pushes its status to the renderer until it is available', async () => {
    const service = await createCustomerEndpointService(
      inject('motoEndpoint'),
      server.settings.smoozAwsAccountId,
    );
    const created = await call('smooz:createConnection', {
      connection: {
        name: 'ipc',
        customerAwsAccountId: '123456789012',
        region: 'ap-northeast-1',
        availabilityZones: service.zones,
        endpointServiceName: service.serviceName,
        dbAuthMethod: 'password',
      },
      customerSide: {
        region: 'ap-northeast-1',
        endpointServiceId: service.serviceId,
        targetGroupArn: service.targetGroupArn,
      },
    });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = (created.value as { id: string }).id;
    const tracked = await call('smooz:listTracked');
    expect(tracked).toMatchObject({ ok: true, value: [{ tracked: { connectionId: id } }] });

    await instance.smooz.tracker.settled(id);
    const events = pushed
      .filter((p) => p.event === 'smooz:connectionStatusChanged')
      .map((p) => p.payload as SmoozStatusEvent)
      .filter((e) => e.connectionId === id);
    expect(events.at(-1)).toMatchObject({ status: 'available', tracking: 'finished' });
    expect(await call('smooz:listTracked')).toEqual({ ok: true, value: [] });
  });

  it('never sends the token back to the renderer', () => {
    expect(answers.length).toBeGreaterThan(3);
    expect(JSON.stringify(answers)).not.toContain(ADMIN_TOKEN);
    expect(JSON.stringify(pushed)).not.toContain(ADMIN_TOKEN);
  });

  it('forgets the token on request', async () => {
    expect(await call('smooz:clearToken')).toEqual({
      ok: true,
      value: { isSet: false, canEncrypt: true },
    });
    expect(await call('smooz:getSettings')).toEqual({
      ok: false,
      error: { code: 'smooz.tokenMissing' },
    });
  });
});
