import { InvokeCommand, LambdaClient, TooManyRequestsException } from '@aws-sdk/client-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { invokeUpdater, putResponse } from '../../../lambda/src/setup/adapters';
import type { CfnResponse } from '../../../lambda/src/setup/cfnEvent';

const BODY: CfnResponse = {
  Status: 'SUCCESS',
  Reason: 'ok',
  PhysicalResourceId: 'p',
  StackId: 's',
  RequestId: 'r',
  LogicalResourceId: 'TargetRegistration',
  Data: { AvailabilityZoneIds: 'apne1-az4' },
};

describe('setup helper adapters', () => {
  const lambda = mockClient(LambdaClient);
  afterEach(() => lambda.reset());

  it('PUTs the answer to the pre-signed URL as JSON without a content type', async () => {
    let seen: { method?: string | undefined; headers?: IncomingHttpHeaders; body?: string } = {};
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        seen = { method: req.method, headers: req.headers, body };
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await putResponse(`http://127.0.0.1:${port}/bucket/key?X-Amz-Signature=abc`, BODY);
      expect(seen.method).toBe('PUT');
      expect(seen.headers?.['content-type']).toBe('');
      expect(JSON.parse(seen.body ?? '')).toEqual(BODY);
    } finally {
      server.close();
    }
  });

  it('rejects when S3 refuses the answer, so the failure is logged', async () => {
    const server = createServer((_req, res) => {
      res.statusCode = 403;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(putResponse(`http://127.0.0.1:${port}/x`, BODY)).rejects.toThrow('HTTP 403');
    } finally {
      server.close();
    }
  });

  it('gives up on a PUT that gets no answer, so the invocation fails and is retried', async () => {
    const server = createServer(() => {
      // never answers
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(putResponse(`http://127.0.0.1:${port}/x`, BODY, 200)).rejects.toThrow(
        'timed out',
      );
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('returns the updater outcome from a successful invoke', async () => {
    const outcome = {
      status: 'unchanged',
      addresses: ['10.0.1.5'],
      registered: [],
      deregistered: [],
    };
    lambda.on(InvokeCommand).resolves({ Payload: Buffer.from(JSON.stringify(outcome)) as never });
    const result = await invokeUpdater(
      new LambdaClient({ region: 'ap-northeast-1' }),
      'smooz-updater',
      { source: 'smooz.setup', requestType: 'Create' },
      1000,
    );
    expect(result).toEqual({ outcome });
    expect(lambda.commandCalls(InvokeCommand)[0]?.args[0].input).toMatchObject({
      FunctionName: 'smooz-updater',
      Payload: JSON.stringify({ source: 'smooz.setup', requestType: 'Create' }),
    });
  });

  it("returns the function's error message when the updater threw or timed out", async () => {
    lambda.on(InvokeCommand).resolves({
      FunctionError: 'Unhandled',
      Payload: Buffer.from(
        JSON.stringify({
          errorType: 'Sandbox.Timedout',
          errorMessage: 'Task timed out after 60.00 seconds',
        }),
      ) as never,
    });
    const result = await invokeUpdater(
      new LambdaClient({ region: 'ap-northeast-1' }),
      'smooz-updater',
      { source: 'smooz.setup', requestType: 'Create' },
      1000,
    );
    expect(result).toEqual({ error: 'Task timed out after 60.00 seconds' });
  });

  it('waits out a run of the updater in progress (throttled by its reserved concurrency of 1)', async () => {
    const outcome = {
      status: 'updated',
      addresses: ['10.0.1.5'],
      registered: [],
      deregistered: [],
    };
    const throttled = new TooManyRequestsException({
      $metadata: { httpStatusCode: 429 },
      message: 'Rate Exceeded.',
      Reason: 'ReservedFunctionConcurrentInvocationLimitExceeded',
    });
    lambda
      .on(InvokeCommand)
      .rejectsOnce(throttled)
      .rejectsOnce(throttled)
      .resolves({ Payload: Buffer.from(JSON.stringify(outcome)) as never });
    const result = await invokeUpdater(
      new LambdaClient({ region: 'ap-northeast-1' }),
      'smooz-updater',
      { source: 'smooz.setup', requestType: 'Create' },
      5000,
      10,
    );
    expect(result).toEqual({ outcome });
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(3);
  });

  it('gives up when the updater stays throttled past the time it has, and on any other error', async () => {
    lambda
      .on(InvokeCommand)
      .rejects(new TooManyRequestsException({ $metadata: {}, message: 'Rate Exceeded.' }));
    await expect(
      invokeUpdater(
        new LambdaClient({ region: 'ap-northeast-1' }),
        'smooz-updater',
        { source: 'smooz.setup', requestType: 'Create' },
        50,
        20,
      ),
    ).rejects.toThrow('Rate Exceeded');
    lambda.reset();
    lambda.on(InvokeCommand).rejects(new Error('AccessDeniedException'));
    await expect(
      invokeUpdater(
        new LambdaClient({ region: 'ap-northeast-1' }),
        'smooz-updater',
        { source: 'smooz.setup', requestType: 'Create' },
        5000,
        10,
      ),
    ).rejects.toThrow('AccessDenied');
    expect(lambda.commandCalls(InvokeCommand)).toHaveLength(1);
  });
});
