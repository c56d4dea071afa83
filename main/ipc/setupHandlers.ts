import { DatabaseRecordSchema } from '../../shared/flow/database';
import { SetupStateSchema, type SetupState } from '../../shared/flow/state';
import { DiscardPreviewSchema, DiscardStateSchema } from '../../shared/flow/discard';
import type { setupChannels } from '../../shared/ipc/channels/setup';
import { REQUIRED_ACTION_LIST } from '../engine/requiredPermissions';
import type { MainServices } from '../app/mainServices';
import type { EventSink, HandlerContext, HandlerTable } from './handlers';

/** The engine's surface for the renderer; long work runs in the background and reports by event. */
export function createSetupHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof setupChannels> {
  const engine = services.setup;
  const attached = new WeakSet<EventSink>();
  // The sink arrives with the first request; from then on every engine event reaches the renderer.
  const attach = ({ events }: HandlerContext) => {
    if (attached.has(events)) return;
    attached.add(events);
    engine.subscribe((event) => {
      if (event.type === 'stateChanged') {
        events.emit('setup:stateChanged', wire(event.state));
      } else if (event.type === 'discardChanged') {
        events.emit('setup:discardChanged', DiscardStateSchema.parse(event.state));
      } else {
        const { connectionId, done, total } = event;
        events.emit('setup:stackEvents', {
          connectionId,
          done,
          total,
          events: event.events.map((e) => ({ ...e })),
        });
      }
    });
  };
  // Flow values are deeply read-only in main; the wire types are the schemas' plain copies.
  const wire = (state: SetupState) => SetupStateSchema.parse(state);

  return {
    'setup:listDatabases': async ({ profile, region }, context) => {
      attach(context);
      const databases = await engine.listDatabases(profile, region);
      return { databases: databases.map((db) => DatabaseRecordSchema.parse(db)) };
    },
    'setup:resolveEndpoint': async ({ profile, region, endpoint }, context) => {
      attach(context);
      return DatabaseRecordSchema.parse(await engine.resolveEndpoint(profile, region, endpoint));
    },
    'setup:create': async (request, context) => {
      attach(context);
      return wire(await engine.create(request));
    },
    'setup:updatePlan': async ({ connectionId, patch }, context) => {
      attach(context);
      return wire(await engine.updatePlan(connectionId, patch));
    },
    'setup:runPreflight': async ({ connectionId }, context) => {
      attach(context);
      return wire(await engine.runPreflight(connectionId));
    },
    'setup:applyFix': async ({ connectionId, fix }, context) => {
      attach(context);
      return wire(await engine.applyFix(connectionId, fix));
    },
    'setup:start': async ({ connectionId }, context) => {
      attach(context);
      return wire(await engine.start(connectionId));
    },
    'setup:resume': async ({ connectionId }, context) => {
      attach(context);
      return wire(await engine.resume(connectionId));
    },
    'setup:cancel': async ({ connectionId }, context) => {
      attach(context);
      return wire(await engine.cancel(connectionId));
    },
    'setup:teardown': async ({ connectionId }, context) => {
      attach(context);
      return wire(await engine.teardown(connectionId));
    },
    'setup:get': async ({ connectionId }, context) => {
      attach(context);
      return wire(engine.get(connectionId));
    },
    'setup:list': async (_request, context) => {
      attach(context);
      return engine.list().map(wire);
    },
    'setup:discardPreview': async (request, context) => {
      attach(context);
      return DiscardPreviewSchema.parse(await engine.discardPreview(request));
    },
    'setup:discard': async ({ resources, ...request }, context) => {
      attach(context);
      return DiscardStateSchema.parse(await engine.discard(request, resources));
    },
    'setup:listDiscards': async (_request, context) => {
      attach(context);
      return engine.listDiscards().map((d) => DiscardStateSchema.parse(d));
    },
    'setup:requiredPermissions': async () =>
      REQUIRED_ACTION_LIST.map((p) => ({ action: p.action, purposes: [...p.purposes] })),
  };
}
