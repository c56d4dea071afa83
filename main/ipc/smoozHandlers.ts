import { randomUUID } from 'node:crypto';
import type { smoozChannels } from '../../shared/ipc/channels/smooz';
import type { MainServices } from '../app/mainServices';
import type { HandlerContext, HandlerTable } from './handlers';

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
  // Every call refreshes where status events go, so a reopened window gets them.
  const withEvents =
    <Req, Res>(handler: (request: Req, context: HandlerContext) => Promise<Res>) =>
    (request: Req, context: HandlerContext) => {
      smooz.attachEvents(context.events);
      return handler(request, context);
    };

  return {
    'smooz:getTokenStatus': withEvents(tokenStatus),
    'smooz:setToken': withEvents(async ({ token }) => {
      // Refused tokens (401, or 403 for non-administrators) are never stored.
      await smooz.clientWithToken(token).getSettings();
      await smooz.tokens.write(token);
      smooz.tracker.resume();
      return tokenStatus();
    }),
    'smooz:clearToken': withEvents(async () => {
      await smooz.tokens.clear();
      return tokenStatus();
    }),
    'smooz:getSettings': withEvents(() => smooz.client.getSettings()),
    'smooz:listConnections': withEvents(async () => (await smooz.client.listConnections()).items),
    'smooz:getConnection': withEvents(({ connectionId }) =>
      smooz.client.getConnection(connectionId),
    ),
    'smooz:createConnection': withEvents(async ({ connection, customerSide, idempotencyKey }) => {
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
    }),
    'smooz:deleteConnection': withEvents(async ({ connectionId, customerSide }) => {
      const deleting = await smooz.client.deleteConnection(connectionId);
      smooz.tracker.track({
        connectionId,
        purpose: 'delete',
        startedAt: new Date().toISOString(),
        customerSide,
      });
      return deleting;
    }),
    'smooz:testConnectivity': withEvents(({ connectionId }) =>
      smooz.client.testConnectivity(connectionId),
    ),
    'smooz:trackConnection': withEvents(async ({ connectionId, customerSide }) => {
      smooz.tracker.track({
        connectionId,
        purpose: 'create',
        startedAt: new Date().toISOString(),
        customerSide,
      });
      return undefined;
    }),
    'smooz:listTracked': withEvents(async () => smooz.tracker.list()),
  };
}
