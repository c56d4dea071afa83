import {
  DeregisterTargetsCommand,
  DescribeTargetHealthCommand,
  RegisterTargetsCommand,
  type ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { lookup } from 'node:dns/promises';
import { isIPv4, Socket } from 'node:net';
import type { RegisteredTarget } from '../common/messages';
import type { CurrentTarget } from './reconcile';

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The VPC resolver through the OS (getaddrinfo), as any client in the subnet would see it. */
export async function resolveIpv4(host: string, timeoutMs = 5000): Promise<string[]> {
  const answers = await withTimeout(lookup(host, { all: true, family: 4 }), timeoutMs, 'DNS');
  return answers.map((a) => a.address).filter((address) => isIPv4(address));
}

export function probeTcp(address: string, port: number, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result: string) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done('timeout'));
    socket.once('connect', () => done('open'));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
    socket.connect(port, address);
  });
}

/** Tries at most this often while overlapping runs keep removing the same targets first. */
const DEREGISTER_ATTEMPTS = 3;

export function targetGroupApi(client: ElasticLoadBalancingV2Client, targetGroupArn: string) {
  const asTargets = (targets: RegisteredTarget[]) =>
    targets.map((t) => ({ Id: t.id, Port: t.port }));
  const describeTargets = async (): Promise<CurrentTarget[]> => {
    const out = await client.send(
      new DescribeTargetHealthCommand({ TargetGroupArn: targetGroupArn }),
    );
    return (out.TargetHealthDescriptions ?? []).flatMap((d) =>
      d.Target?.Id && d.Target.Port
        ? [
            {
              id: d.Target.Id,
              port: d.Target.Port,
              state: d.TargetHealth?.State ?? 'unknown',
              reason: d.TargetHealth?.Reason,
            },
          ]
        : [],
    );
  };
  // An IP target deregistered without its port is accepted and silently ignored by ELB.
  const deregister = (targets: RegisteredTarget[]) =>
    client.send(
      new DeregisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: asTargets(targets) }),
    );
  return {
    describeTargets,
    async register(targets: RegisteredTarget[]) {
      await client.send(
        new RegisterTargetsCommand({ TargetGroupArn: targetGroupArn, Targets: asTargets(targets) }),
      );
    },
    async deregister(targets: RegisteredTarget[]) {
      let left = targets;
      for (let attempt = 1; ; attempt++) {
        try {
          await deregister(left);
          return;
        } catch (error) {
          // Overlapping runs removed some of them first: what is gone is what this run wanted.
          const invalid = (error as { name?: string }).name === 'InvalidTargetException';
          if (!invalid || attempt === DEREGISTER_ATTEMPTS) throw error;
          const present = new Set((await describeTargets()).map((t) => `${t.id}:${t.port}`));
          left = left.filter((t) => present.has(`${t.id}:${t.port}`));
          if (left.length === 0) return;
        }
      }
    },
  };
}
