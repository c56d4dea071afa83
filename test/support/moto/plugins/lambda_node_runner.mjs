// Runs one Lambda invocation in a plain Node.js process for moto (see smooz_lambda_node.py): the
// event comes on stdin, the result goes to the file named by SMOOZ_LAMBDA_RESULT, logs go to
// stdout/stderr. Names listed in SMOOZ_VPC_DNS resolve as the VPC's resolver would answer them
// (the RDS endpoints moto knows); every other name goes to the real resolver.
import dns from 'node:dns';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

const [codeDir, handlerSpec] = process.argv.slice(2);
const resultFile = process.env.SMOOZ_LAMBDA_RESULT;
const timeoutMs = Number(process.env.AWS_LAMBDA_FUNCTION_TIMEOUT) * 1000;
const vpcDns = JSON.parse(process.env.SMOOZ_VPC_DNS || '{}');

function vpcAnswer(hostname) {
  const key = String(hostname).toLowerCase().replace(/\.$/, '');
  if (!Object.hasOwn(vpcDns, key)) return undefined;
  const addresses = vpcDns[key];
  if (addresses.length === 0) {
    return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
      code: 'ENOTFOUND',
      hostname,
    });
  }
  return addresses.map((address) => ({ address, family: 4 }));
}

const originalLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const opts = typeof options === 'object' && options !== null ? options : {};
  const answer = vpcAnswer(hostname);
  if (answer === undefined) return originalLookup.call(dns, hostname, options, callback);
  process.nextTick(() => {
    if (answer instanceof Error) cb(answer);
    else if (opts.all) cb(null, answer);
    else cb(null, answer[0].address, 4);
  });
  return undefined;
};
const originalPromiseLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
  const answer = vpcAnswer(hostname);
  if (answer === undefined) return originalPromiseLookup.call(dns.promises, hostname, options);
  if (answer instanceof Error) throw answer;
  return options && options.all ? answer : answer[0];
};

// The emulated VPC's addresses (moto's 10.x subnets) exist only on paper: nothing of the test
// world listens there, and no packet may leave this machine for them. A connect to any address
// outside 127.0.0.0/8 fails at once as an unreachable host, as from a subnet with no route; the
// real databases of the test world listen on loopback addresses and stay reachable.
const isLoopback = (address) => net.isIPv4(address) && address.startsWith('127.');
const unreachable = (host) => {
  if (net.isIP(host)) return !isLoopback(host);
  const answer = vpcAnswer(host);
  return Array.isArray(answer) && answer.some((a) => !isLoopback(a.address));
};
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const options =
    typeof args[0] === 'object' && args[0] !== null ? args[0] : { port: args[0], host: args[1] };
  const host = typeof options.host === 'string' ? options.host : undefined;
  if (options.path === undefined && host !== undefined && unreachable(host)) {
    const error = Object.assign(new Error(`connect EHOSTUNREACH ${host}:${options.port}`), {
      code: 'EHOSTUNREACH',
      address: host,
      port: options.port,
    });
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args);
};

function finish(result) {
  fs.writeFileSync(resultFile, JSON.stringify(result));
  // A real runtime freezes the sandbox after the handler returns; open sockets must not keep
  // this process alive.
  process.exit(0);
}

async function main() {
  const dot = handlerSpec.lastIndexOf('.');
  const file = path.join(codeDir, handlerSpec.slice(0, dot));
  const exported = handlerSpec.slice(dot + 1);
  const event = JSON.parse(fs.readFileSync(0, 'utf8') || '{}');
  const deadline = Date.now() + timeoutMs;
  const context = {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: '$LATEST',
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    awsRequestId: process.env.SMOOZ_LAMBDA_REQUEST_ID,
    logGroupName: `/aws/lambda/${process.env.AWS_LAMBDA_FUNCTION_NAME}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
  try {
    // Inline CloudFormation code is CommonJS (index.js), loaded as the Node.js runtime loads it.
    const loadCommonJs = createRequire(path.join(codeDir, 'index.js'));
    const handler = loadCommonJs(file)[exported];
    if (typeof handler !== 'function') throw new Error(`${handlerSpec} is not a function`);
    const payload = await handler(event, context);
    finish({ ok: true, payload: payload === undefined ? null : payload });
  } catch (error) {
    console.error(error);
    finish({
      ok: false,
      payload: {
        errorType: (error && error.name) || 'Error',
        errorMessage: (error && error.message) || String(error),
      },
    });
  }
}

await main();
