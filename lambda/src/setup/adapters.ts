import { DescribeSubnetsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SetupRequest, UpdateOutcome } from '../common/messages';
import type { CfnResponse } from './cfnEvent';
import type { InvokeResult, SubnetZone } from './provision';

/** Built here so the bundle requires each SDK client package once. */
export function createClients() {
  return { ec2: new EC2Client({}), lambda: new LambdaClient({ maxAttempts: 3 }) };
}

export async function describeSubnets(ec2: EC2Client, ids: string[]): Promise<SubnetZone[]> {
  const out = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: ids }));
  return (out.Subnets ?? []).map((s) => ({
    subnetId: s.SubnetId ?? '',
    zoneName: s.AvailabilityZone ?? '',
    zoneId: s.AvailabilityZoneId ?? '',
  }));
}

const isThrottled = (error: unknown) =>
  (error as { name?: unknown } | null)?.name === 'TooManyRequestsException';

/**
 * Runs the updater synchronously. Its reserved concurrency is 1, so a scheduled or event-driven
 * run in progress throttles this call; it is retried (beyond the SDK's own few retries) until the
 * time given runs out, since that run ends within the updater's timeout.
 */
export async function invokeUpdater(
  lambda: LambdaClient,
  name: string,
  payload: SetupRequest,
  timeoutMs: number,
  pauseMs = 2000,
): Promise<InvokeResult> {
  const deadline = Date.now() + timeoutMs;
  let out;
  for (;;) {
    try {
      out = await lambda.send(
        new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(payload) }),
        { abortSignal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) },
      );
      break;
    } catch (error) {
      if (!isThrottled(error) || Date.now() + pauseMs >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
  const text = out.Payload ? Buffer.from(out.Payload).toString('utf8') : '';
  if (out.FunctionError) {
    let message = text;
    try {
      message = (JSON.parse(text) as { errorMessage?: string }).errorMessage ?? text;
    } catch {
      // not JSON: keep the raw payload
    }
    return { error: message || out.FunctionError };
  }
  return { outcome: JSON.parse(text) as UpdateOutcome };
}

/**
 * The pre-signed URL is signed without a content type, so none may be sent (as cfn-response
 * does); fetch would add one. A PUT that hangs is given up on, so the invocation fails and Lambda
 * retries it (CloudFormation invokes custom resources asynchronously) instead of waiting out the
 * function's timeout.
 */
export function putResponse(url: string, body: CfnResponse, timeoutMs = 20_000): Promise<void> {
  const data = JSON.stringify(body);
  const target = new URL(url);
  const request = target.protocol === 'http:' ? httpRequest : httpsRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: 'PUT',
        headers: { 'content-type': '', 'content-length': Buffer.byteLength(data) },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode && res.statusCode < 300
            ? resolve()
            : reject(new Error(`response PUT answered HTTP ${res.statusCode}`)),
        );
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error('response PUT timed out')));
    req.on('error', reject);
    req.end(data);
  });
}
