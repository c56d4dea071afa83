import {
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { mockClient } from 'aws-sdk-client-mock';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { targetGroupApi } from '../../../lambda/src/updater/adapters';
import { handler } from '../../../lambda/src/updater/index';

const TG =
  'arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/tg/0123456789abcdef';
const elb = mockClient(ElasticLoadBalancingV2Client);

function targets(...list: [string, number, string][]) {
  return {
    TargetHealthDescriptions: list.map(([Id, Port, State]) => ({
      Target: { Id, Port },
      TargetHealth: { State: State as 'healthy' },
    })),
  };
}

const servers: ReturnType<typeof createServer>[] = [];
/** The database answering on localhost at a free port, which RDS_PORT then names. */
async function answeringPort(): Promise<number> {
  const server = createServer((socket) => socket.end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  vi.stubEnv('RDS_PORT', String(port));
  return port;
}

describe('updater handler (SDK mocked, real resolver on localhost)', () => {
  beforeEach(() => {
    elb.reset();
    // localhost resolves without a network; port 9 (discard) is closed, so the probe fails fast.
    vi.stubEnv('RDS_ENDPOINT', 'localhost');
    vi.stubEnv('RDS_PORT', '9');
    vi.stubEnv('TARGET_GROUP_ARN', TG);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await Promise.all(
      servers
        .splice(0)
        .map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
    );
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  it('on the schedule, moves the target with RegisterTargets then DeregisterTargets, each with the port', async () => {
    const port = await answeringPort();
    elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.5', port, 'healthy']));
    elb.on(RegisterTargetsCommand).resolves({});
    elb.on(DeregisterTargetsCommand).resolves({});

    const outcome = await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });

    expect(outcome).toMatchObject({ status: 'updated', addresses: ['127.0.0.1'] });
    const sent = elb.calls().map((c) => c.args[0]);
    expect(sent.map((c) => c.constructor.name)).toEqual([
      'DescribeTargetHealthCommand',
      'RegisterTargetsCommand',
      'DeregisterTargetsCommand',
    ]);
    expect(sent[1]?.input).toEqual({
      TargetGroupArn: TG,
      Targets: [{ Id: '127.0.0.1', Port: port }],
    });
    expect(sent[2]?.input).toEqual({
      TargetGroupArn: TG,
      Targets: [{ Id: '10.0.1.5', Port: port }],
    });
  });

  it('on an RDS failover event, never sends a DeregisterTargets target without a port', async () => {
    const port = await answeringPort();
    elb
      .on(DescribeTargetHealthCommand)
      .resolves(
        targets(
          ['10.0.1.5', port, 'healthy'],
          ['10.0.2.6', port, 'healthy'],
          ['127.0.0.1', port, 'initial'],
        ),
      );
    elb.on(DeregisterTargetsCommand).resolves({});

    await handler({
      source: 'aws.rds',
      'detail-type': 'RDS DB Instance Event',
      detail: { SourceIdentifier: 'mydb', EventID: 'RDS-EVENT-0049' },
    });

    const deregisters = elb.commandCalls(DeregisterTargetsCommand);
    expect(deregisters).toHaveLength(1);
    for (const target of deregisters[0]?.args[0].input.Targets ?? []) {
      expect(target.Port).toBe(port);
    }
    expect(elb.commandCalls(RegisterTargetsCommand)).toHaveLength(0);
  });

  it('answers the setup helper with the outcome and sends nothing when DNS fails', async () => {
    vi.stubEnv('RDS_ENDPOINT', 'no-such-host.invalid');
    elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.5', 9, 'healthy']));

    const outcome = await handler({ source: 'smooz.setup', requestType: 'Create' });

    expect(outcome).toMatchObject({ status: 'unresolved' });
    expect(elb.calls()).toHaveLength(0);
  });

  it('fails (so the setup helper reports it) when RegisterTargets is denied, and does not deregister', async () => {
    elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.5', 9, 'healthy']));
    elb
      .on(RegisterTargetsCommand)
      .rejects(new Error('User is not authorized to perform RegisterTargets'));

    await expect(handler({ source: 'smooz.setup', requestType: 'Create' })).rejects.toThrow(
      'not authorized',
    );
    expect(elb.commandCalls(DeregisterTargetsCommand)).toHaveLength(0);
  });

  it('on an unchanged schedule run, makes one AWS call and writes one JSON line', async () => {
    const lines: string[] = [];
    vi.mocked(console.log).mockImplementation((line: string) => lines.push(line));
    elb.on(DescribeTargetHealthCommand).resolves(targets(['127.0.0.1', 9, 'healthy']));

    const outcome = await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' });

    expect(outcome).toMatchObject({ status: 'unchanged' });
    expect(elb.calls()).toHaveLength(1);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      level: 'info',
      msg: 'unchanged',
      trigger: 'aws.events',
      addresses: ['127.0.0.1'],
    });
  });

  it('probes a newly registered target on the database port and logs the RDS event it acted on', async () => {
    const server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    vi.stubEnv('RDS_PORT', String(port));
    const lines: string[] = [];
    vi.mocked(console.log).mockImplementation((line: string) => lines.push(line));
    elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.1.5', port, 'healthy']));
    elb.on(RegisterTargetsCommand).resolves({});
    elb.on(DeregisterTargetsCommand).resolves({});
    const arn = 'arn:aws:rds:ap-northeast-1:123456789012:db:mydb';
    try {
      await handler({
        source: 'aws.rds',
        'detail-type': 'RDS DB Instance Event',
        detail: { SourceArn: arn, SourceIdentifier: 'rds:mydb', EventID: 'RDS-EVENT-0049' },
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map((l) => l.msg)).toEqual(['registered', 'deregistered', 'updated']);
    expect(logged[2]).toMatchObject({
      level: 'info',
      trigger: 'aws.rds',
      rdsEvent: 'RDS-EVENT-0049',
      rdsSource: arn,
      probes: [{ target: `127.0.0.1:${port}`, result: 'open' }],
    });
  });
});

describe('target group adapter (SDK mocked)', () => {
  beforeEach(() => elb.reset());

  const invalidTarget = () =>
    Object.assign(new Error('The specified target does not exist'), {
      name: 'InvalidTargetException',
    });

  it('treats targets another run removed first as removed, and removes the rest', async () => {
    elb.on(DeregisterTargetsCommand).rejectsOnce(invalidTarget()).resolves({});
    elb.on(DescribeTargetHealthCommand).resolves(targets(['10.0.2.6', 9, 'healthy']));
    const api = targetGroupApi(new ElasticLoadBalancingV2Client({ region: 'ap-northeast-1' }), TG);
    await api.deregister([
      { id: '10.0.1.5', port: 9 },
      { id: '10.0.2.6', port: 9 },
    ]);
    const sent = elb.commandCalls(DeregisterTargetsCommand).map((c) => c.args[0].input.Targets);
    expect(sent).toEqual([
      [
        { Id: '10.0.1.5', Port: 9 },
        { Id: '10.0.2.6', Port: 9 },
      ],
      [{ Id: '10.0.2.6', Port: 9 }],
    ]);
  });

  it('passes on any other failure', async () => {
    elb.on(DeregisterTargetsCommand).rejects(new Error('AccessDenied'));
    const api = targetGroupApi(new ElasticLoadBalancingV2Client({ region: 'ap-northeast-1' }), TG);
    await expect(api.deregister([{ id: '10.0.1.5', port: 9 }])).rejects.toThrow('AccessDenied');
  });
});
