import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { setTimeout as sleep } from 'node:timers/promises';
import { createAwsClient } from '../../../main/aws/clientFactory';
import {
  putRdsEvent,
  rdsEvent,
  type RdsEventSample,
} from '../../integration/template/rdsEventSamples';
import { motoAppConfig, motoContext } from '../awsTestConfig';
import { freeLoopbackAddress } from './loopback';
import { moveDatabase } from './realDatabases';
import { readTestWorld, type WorldDatabase } from './world';

/**
 * Failover drills on the test world: a database moves to another address as a Multi-AZ failover
 * or an Aurora writer change moves its endpoint; then AWS's RDS event arrives (or is lost, and
 * only the updater's 1-minute schedule notices).
 */
export async function failOver(
  worldFile: string,
  engine: WorldDatabase['engine'],
  rds?: { motoEndpoint: string; identifier: string },
): Promise<{ address: string; availabilityZone?: { from: string; to: string } }> {
  const world = readTestWorld(worldFile);
  const others = [world.nlbAddress, ...Object.values(world.databases).map((db) => db.address)];
  const address = await freeLoopbackAddress(world.databases[engine].port, others);
  await moveDatabase(worldFile, engine, address);
  if (!rds) return { address };
  // The standby in another AZ takes over (plug-in smooz_rds_failover.py).
  const res = await fetch(`${rds.motoEndpoint}/moto-api/smooz/rds-failover`, {
    method: 'POST',
    body: JSON.stringify({ identifier: rds.identifier }),
  });
  if (!res.ok) throw new Error(`rds-failover answered ${res.status}: ${await res.text()}`);
  return { address, availabilityZone: (await res.json()) as { from: string; to: string } };
}

interface Delivery {
  eventId: string;
  status: 'pending' | 'invoked' | 'denied' | 'error';
  result?: { status: string; addresses?: string[] };
}

async function settled(motoEndpoint: string, eventId: string): Promise<Delivery[]> {
  for (let i = 0; i < 240; i++) {
    const res = await fetch(`${motoEndpoint}/moto-api/smooz/event-deliveries`);
    const found = ((await res.json()) as Delivery[]).filter((d) => d.eventId === eventId);
    if (found.length > 0 && found.every((d) => d.status !== 'pending')) return found;
    await sleep(250);
  }
  throw new Error(`event ${eventId} was not delivered within 60 s`);
}

/** Puts the RDS event AWS sends after the failover and waits until EventBridge delivered it. */
export async function emitRdsEvent(
  motoEndpoint: string,
  sample: RdsEventSample,
): Promise<Delivery[]> {
  const event = rdsEvent(sample);
  const events = createAwsClient(EventBridgeClient, motoAppConfig(motoEndpoint), motoContext);
  try {
    const id = await putRdsEvent(events, event);
    return await settled(motoEndpoint, id);
  } finally {
    events.destroy();
  }
}

/** One minute passes for EventBridge's schedules: every `rate(1 minute)` rule fires once. */
export async function scheduleTick(motoEndpoint: string): Promise<Delivery[]> {
  const res = await fetch(`${motoEndpoint}/moto-api/smooz/schedule-tick`, { method: 'POST' });
  const { eventId } = (await res.json()) as { eventId: string };
  return settled(motoEndpoint, eventId);
}
