import { randomUUID } from 'node:crypto';
import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { RDS_CLUSTER_EVENT, RDS_INSTANCE_EVENT } from '../../../shared/stack/rdsEvents';

/** One RDS event as EventBridge delivers it (shape of the RDS user guide's examples). */
export interface RdsEventSample {
  kind: 'instance' | 'cluster';
  identifier: string;
  category: string;
  /** Only where the user guide's table was checked; the rules match on the category. */
  eventId?: string;
  message: string;
  /**
   * How `detail.SourceIdentifier` names the source: the bare name (captured events) or
   * `rds:<name>` (AWS's own examples). The ARN in `resources` and `SourceArn` is the same in both.
   */
  identifierForm?: 'bare' | 'prefixed';
}

export const IDENTIFIER_FORMS = ['bare', 'prefixed'] as const;

export const ACCOUNT = '123456789012';
export const REGION = 'ap-northeast-1';

export function rdsEvent(sample: RdsEventSample) {
  const cluster = sample.kind === 'cluster';
  const arn = `arn:aws:rds:${REGION}:${ACCOUNT}:${cluster ? 'cluster' : 'db'}:${sample.identifier}`;
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': cluster ? RDS_CLUSTER_EVENT : RDS_INSTANCE_EVENT,
    source: 'aws.rds',
    account: ACCOUNT,
    time: '2026-11-23T09:00:00Z',
    region: REGION,
    resources: [arn],
    detail: {
      EventCategories: [sample.category],
      SourceType: cluster ? 'CLUSTER' : 'DB_INSTANCE',
      SourceArn: arn,
      Date: '2026-11-23T09:00:00.000Z',
      Message: sample.message,
      SourceIdentifier:
        sample.identifierForm === 'prefixed' ? `rds:${sample.identifier}` : sample.identifier,
      ...(sample.eventId ? { EventID: sample.eventId } : {}),
    },
  };
}

/** Puts the event on the default bus as RDS would; answers EventBridge's id for it. */
export async function putRdsEvent(
  events: EventBridgeClient,
  event: ReturnType<typeof rdsEvent>,
): Promise<string> {
  const out = await events.send(
    new PutEventsCommand({
      Entries: [
        {
          Source: event.source,
          DetailType: event['detail-type'],
          Resources: event.resources,
          Detail: JSON.stringify(event.detail),
        },
      ],
    }),
  );
  const id = out.Entries?.[0]?.EventId;
  if (!id) throw new Error('PutEvents returned no event id');
  return id;
}

/** Events after which the database may answer on another address. */
export const MOVING_EVENTS: Record<'instance' | 'cluster', Omit<RdsEventSample, 'identifier'>[]> = {
  instance: [
    {
      kind: 'instance',
      category: 'failover',
      eventId: 'RDS-EVENT-0049',
      message: 'Multi-AZ failover has completed.',
    },
    {
      kind: 'instance',
      category: 'notification',
      eventId: 'RDS-EVENT-0088',
      message: 'DB instance started.',
    },
    {
      kind: 'instance',
      category: 'maintenance',
      message: 'Finished applying off-line patches to DB instance.',
    },
    {
      kind: 'instance',
      category: 'configuration change',
      message: 'Finished applying modification to DB instance class.',
    },
    { kind: 'instance', category: 'recovery', message: 'Recovery of the DB instance has started.' },
    {
      kind: 'instance',
      category: 'availability',
      eventId: 'RDS-EVENT-0006',
      message: 'DB instance restarted.',
    },
    { kind: 'instance', category: 'failure', message: 'DB instance put into failed state.' },
  ],
  cluster: [
    {
      kind: 'cluster',
      category: 'failover',
      eventId: 'RDS-EVENT-0071',
      message: 'Completed failover to DB instance: aurora-instance-2.',
    },
    {
      kind: 'cluster',
      category: 'notification',
      eventId: 'RDS-EVENT-0151',
      message: 'DB cluster started.',
    },
    {
      kind: 'cluster',
      category: 'global-failover',
      message: 'Global failover to DB cluster completed.',
    },
    {
      kind: 'cluster',
      category: 'maintenance',
      message: 'Database cluster is being patched.',
    },
  ],
};

/** Events that never move the address. */
export const STILL_EVENTS: Omit<RdsEventSample, 'identifier'>[] = [
  {
    kind: 'instance',
    category: 'backup',
    eventId: 'RDS-EVENT-0002',
    message: 'Finished DB instance backup.',
  },
  {
    kind: 'cluster',
    category: 'creation',
    eventId: 'RDS-EVENT-0170',
    message: 'DB cluster created.',
  },
];
