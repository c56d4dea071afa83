import { randomUUID } from 'node:crypto';
import type { smoozChannels } from '../../shared/ipc/channels/smooz';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/**
 * The SMOOZ channels. The token only ever travels renderer → main (on entry); what comes back
 * is whether one is set and its last four characters.
 */
export function createSmoozHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof smoozChannels> {
  const { smooz } = services;
  const tokenStatus = async () => ({
    ...(await smooz.tokens.status()),
    canEncrypt: smooz.tokens.canEncrypt(),
  });

  return {
    'smooz:getTokenStatus': tokenStatus,
    'smooz:setToken': async ({ token }) => {
      // Refused tokens (401, or 403 for non-administrators) are never stored.
      await smooz.clientWithToken(token).getSettings();
      await smooz.tokens.write(token);
      smooz.tracker.resume();
      return tokenStatus();
    },
    'smooz:clearToken': async () => {
      await smooz.tokens.clear();
      return tokenStatus();
    },
    'smooz:getSettings': () => smooz.client.getSettings(),
    'smooz:listConnections': async () => (await smooz.client.listConnections()).items,
    'smooz:getConnection': ({ connectionId }) => smooz.client.getConnection(connectionId),
    'smooz:createConnection': async ({ connection, customerSide, idempotencyKey }) => {
      const created = await smooz.client.createConnection(
        connection,
        idempotencyKey ?? randomUUID(),
      );
      smooz.tracker.track({
        connectionId: created.id,
        purpose: 'create',
        startedAt: new Date().toISOString(),
        customerSide,
      });
      return created;
    },
    'smooz:deleteConnection': async ({ connectionId, customerSide }) => {
      const deleting = await smooz.client.deleteConnection(connectionId);
      smooz.tracker.track({
        connectionId,
        purpose: 'delete',
        startedAt: new Date().toISOString(),
        customerSide,
      });
      return deleting;
    },
    'smooz:testConnectivity': ({ connectionId }) => smooz.client.testConnectivity(connectionId),
    'smooz:trackConnection': async ({ connectionId, customerSide }) => {
      smooz.tracker.track({
        connectionId,
        purpose: 'create',
        startedAt: new Date().toISOString(),
        customerSide,
      });
      return undefined;
    },
    'smooz:listTracked': async () => smooz.tracker.list(),
  };
}
