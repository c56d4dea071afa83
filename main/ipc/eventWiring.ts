import { DiscardStateSchema } from '../../shared/flow/discard';
import { SetupStateSchema } from '../../shared/flow/state';
import { MigrationStateSchema } from '../../shared/lifecycle/migrate';
import { UpgradeStateSchema } from '../../shared/lifecycle/upgrade';
import { AdoptionStateSchema } from '../../shared/lifecycle/adopt';
import type { EventName, EventPayloadOf } from '../../shared/ipc/contract';
import type { MainServices } from '../app/mainServices';
import type { EventSink } from './handlers';

type Emit<E extends EventName> = (payload: EventPayloadOf<E>) => void;

/**
 * Which service each contract event comes from. The mapped type makes an event without a source
 * a compile error, as `HandlerTable` does for channels.
 */
type EventSources = {
  readonly [E in EventName]: (services: MainServices, emit: Emit<E>) => () => void;
};

const EVENT_SOURCES: EventSources = {
  'app:preferencesChanged': (services, emit) => services.store.subscribe(emit),
  'aws:ssoLoginProgress': (services, emit) => services.ssoLogins.subscribe(emit),
  'aws:ssoSessionNotice': (services, emit) => services.ssoSessionWatch.subscribe(emit),
  'smooz:connectionStatusChanged': (services, emit) => services.smooz.subscribe(emit),
  // Flow values are deeply read-only in main; the wire types are the schemas' plain copies.
  'setup:stateChanged': (services, emit) =>
    services.setup.subscribe((event) => {
      if (event.type === 'stateChanged') emit(SetupStateSchema.parse(event.state));
    }),
  'setup:discardChanged': (services, emit) =>
    services.setup.subscribe((event) => {
      if (event.type === 'discardChanged') emit(DiscardStateSchema.parse(event.state));
    }),
  'setup:stackEvents': (services, emit) =>
    services.setup.subscribe((event) => {
      if (event.type !== 'stackEvents') return;
      const { connectionId, done, total } = event;
      emit({ connectionId, done, total, events: event.events.map((e) => ({ ...e })) });
    }),
  'guided:changed': (services, emit) => services.guided.subscribe(emit),
  'update:statusChanged': (services, emit) => services.update.subscribe(emit),
  'migration:changed': (services, emit) =>
    services.migrator.subscribe((event) => emit(MigrationStateSchema.parse(event.state))),
  'lifecycle:upgradeChanged': (services, emit) =>
    services.upgrader.subscribe((state) => emit(UpgradeStateSchema.parse(state))),
  'lifecycle:adoptionChanged': (services, emit) =>
    services.lifecycle.subscribe((event) => emit(AdoptionStateSchema.parse(event.state))),
};

function wireOne<E extends EventName>(event: E, services: MainServices, sink: EventSink) {
  const source = EVENT_SOURCES[event] as EventSources[E];
  return source(services, (payload) => sink.emit(event, payload));
}

/**
 * The one place events reach the renderer: every contract event subscribed once, at start-up,
 * for whichever transport `sink` belongs to (Electron's window or the test bridge).
 * Returns the unsubscribe.
 */
export function wireEvents(services: MainServices, sink: EventSink): () => void {
  const unsubscribes = (Object.keys(EVENT_SOURCES) as EventName[]).map((event) =>
    wireOne(event, services, sink),
  );
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
