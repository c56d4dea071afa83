import { DescribeSubnetsCommand, type EC2Client } from '@aws-sdk/client-ec2';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { SetupRequest, UpdateOutcome } from '../common/messages';
import type { CfnResponse } from './cfnEvent';
import type { InvokeResult, SubnetZone } from './provision';

export async function describeSubnets(ec2: EC2Client, ids: string[]): Promise<SubnetZone[]> {
  const out = await ec2.send(new DescribeSubnetsCommand({ SubnetIds: ids }));
  return (out.Subnets ?? []).map((s) => ({
    subnetId: s.SubnetId ?? '',
    zoneName: s.AvailabilityZone ?? '',
    zoneId: s.AvailabilityZoneId ?? '',
  }));
}

export async function invokeUpdater(
  lambda: LambdaClient,
  name: string,
  payload: SetupRequest,
  timeoutMs: number,
): Promise<InvokeResult> {
  const out = await lambda.send(
    new InvokeCommand({ FunctionName: name, Payload: JSON.stringify(payload) }),
    { abortSignal: AbortSignal.timeout(timeoutMs) },
  );
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
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`response PUT timed out after ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(data);
  });
}
