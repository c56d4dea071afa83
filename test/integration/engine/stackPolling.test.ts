import { mkdtempSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTemplateText } from '../../../main/checklist/templateFile';
import { createStoreFlowRepository } from '../../../main/engine/flowRepository';
import { createSetupEngine } from '../../../main/engine/setupEngine';
import { DEFAULT_TIMING } from '../../../main/engine/timing';
import { silentLogger } from '../../../main/services/logger';
import { storeOptions, type PersistedState } from '../../../main/services/storeSchema';
import { motoAppConfig, motoContext } from '../../support/awsTestConfig';
import { driveToEnd, postgresRequest, tearDownFully } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { ROOT } from '../../support/projectRoot';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';

/** CloudFormation's own throttling answer (query protocol): HTTP 400, code `Throttling`. */
const THROTTLING_BODY = [
  '<ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">',
  '<Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error>',
  '<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>',
].join('');

interface ThrottlingProxy {
  readonly endpoint: string;
  /** CloudFormation operations in order, with whether each was throttled or forwarded to moto. */
  readonly log: { operation: string; throttled: boolean }[];
  /** Answer the next `count` DescribeStacks calls with CloudFormation's throttling error. */
  throttleDescribeStacks(count: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A loopback proxy in front of moto that throttles CloudFormation as AWS does. */
async function startThrottlingProxy(upstream: string): Promise<ThrottlingProxy> {
  const target = new URL(upstream);
  let left = 0;
  const log: { operation: string; throttled: boolean }[] = [];
  const server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const operation = new URLSearchParams(body.toString('utf8')).get('Action') ?? '';
      const throttled = operation === 'DescribeStacks' && left > 0;
      if (operation) log.push({ operation, throttled });
      if (throttled) {
        left -= 1;
        res.writeHead(400, { 'content-type': 'text/xml' }).end(THROTTLING_BODY);
        return;
      }
      const forward = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    log,
    throttleDescribeStacks: (count) => {
      left = count;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The engine as the app builds it: the production timing, not the test harness's short polls. */
function productionTimedEngine(endpoint: string) {
  const store = new Conf<PersistedState>({
    ...storeOptions('0.1.0'),
    cwd: mkdtempSync(join(tmpdir(), 'smooz-polling-')),
  });
  return createSetupEngine({
    config: motoAppConfig(endpoint),
    getAwsContext: () => Promise.resolve(motoContext),
    repository: createStoreFlowRepository(store, silentLogger),
    loadTemplate: () => readTemplateText(join(ROOT, 'templates')),
    logger: silentLogger,
  });
}

describe('following the stack at the production poll interval', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let proxy: ThrottlingProxy;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    proxy = await startThrottlingProxy(endpoint);
  });
  afterAll(() => proxy.close());

  it('polls every second, and throttled polls are retried with backoff instead of failing the flow', async () => {
    expect(DEFAULT_TIMING.pollMs).toBeLessThanOrEqual(1_000);
    const engine = productionTimedEngine(proxy.endpoint);
    engine.subscribe((event) => {
      // Throttle the stack's own polls: from the moment the flow starts on the stack.
      if (event.type === 'stateChanged' && event.state.step === 'creatingStack') {
        if (!proxy.log.some((entry) => entry.throttled)) {
          proxy.log.length = 0;
          proxy.throttleDescribeStacks(3);
        }
      }
    });
    const created = await engine.create(postgresRequest(seeded, 'polled'));
    const end = await driveToEnd(engine, created.plan.connectionId);

    expect(end.step).toBe('complete');
    const describeStacks = proxy.log
      .filter((entry) => entry.operation === 'DescribeStacks')
      .map((entry) => (entry.throttled ? 'throttled' : 'answered'));
    expect(describeStacks.slice(0, 4)).toEqual(['throttled', 'throttled', 'throttled', 'answered']);
    expect((await tearDownFully(engine, created.plan.connectionId)).step).toBe('tornDown');
  });
});
