import type { z } from 'zod';
import { appChannels, appEvents } from './channels/app';
import { awsChannels, awsEvents } from './channels/aws';
import { checklistChannels } from './channels/checklist';
import { guidedChannels, guidedEvents } from './channels/guided';
import { lifecycleChannels, lifecycleEvents } from './channels/lifecycle';
import { migrationChannels, migrationEvents } from './channels/migration';
import { supportChannels } from './channels/support';
import { smoozChannels, smoozEvents } from './channels/smooz';
import { setupChannels, setupEvents } from './channels/setup';
import { updateChannels, updateEvents } from './channels/update';
import { upgradeChannels, upgradeEvents } from './channels/upgrade';

/**
 * Every channel between the renderer and main, written once. Each feature keeps its channels in
 * `channels/<feature>.ts` and adds them here; main must implement all of them (see
 * `main/ipc/handlers.ts`), and the preload exposes exactly these names.
 */
export const channels = {
  ...appChannels,
  ...awsChannels,
  ...checklistChannels,
  ...supportChannels,
  ...smoozChannels,
  ...setupChannels,
  ...guidedChannels,
  ...updateChannels,
  ...lifecycleChannels,
  ...migrationChannels,
  ...upgradeChannels,
} as const;

/** main → renderer pushes. */
export const events = {
  ...appEvents,
  ...awsEvents,
  ...smoozEvents,
  ...setupEvents,
  ...guidedEvents,
  ...updateEvents,
  ...migrationEvents,
  ...upgradeEvents,
  ...lifecycleEvents,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.infer<(typeof events)[E]>;

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];

export const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);
export const isEventName = (name: string): name is EventName => Object.hasOwn(events, name);
