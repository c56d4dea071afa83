import { isIPv4, Socket } from 'node:net';
import mysql from 'mysql2/promise';
import pg from 'pg';

export interface DatabaseLogin {
  readonly engine: 'postgres' | 'mariadb';
  readonly user: string;
  readonly password: string;
  readonly database: string;
}

export interface ProbeTarget {
  readonly address: string;
  readonly port: number;
  /** The address connections leave from (the NLB's own address in the test world). */
  readonly sourceAddress?: string;
}

/** How far a database connection got; the codes are those of the connectivity-test contract. */
export type ProbeResult =
  | { readonly ok: true; readonly checked: 'query' | 'handshake' }
  | {
      readonly ok: false;
      readonly code:
        'tcp-refused' | 'timeout' | 'authentication-failed' | 'host-blocked' | 'protocol-error';
      readonly detail: string;
    };

class HandshakeReached extends Error {}

/** A socket that always leaves from `sourceAddress`, whatever the client asks `connect` for. */
function socketFrom(sourceAddress: string | undefined): Socket {
  const socket = new Socket();
  if (sourceAddress === undefined) return socket;
  const connect = socket.connect.bind(socket) as (...args: unknown[]) => Socket;
  socket.connect = ((port: number, host: string) =>
    connect({ port, host, localAddress: sourceAddress })) as Socket['connect'];
  return socket;
}

function classify(error: unknown): ProbeResult {
  const e = error as { code?: string | number; errno?: number; message?: string };
  const detail = e.message ?? String(error);
  if (e.code === 'ECONNREFUSED') return { ok: false, code: 'tcp-refused', detail };
  if (e.code === 'ETIMEDOUT' || /timeout/i.test(detail))
    return { ok: false, code: 'timeout', detail };
  // PostgreSQL SQLSTATE 28P01/28000; MySQL ER_ACCESS_DENIED_ERROR 1045; ER_HOST_IS_BLOCKED 1129.
  if (e.code === '28P01' || e.code === '28000' || e.errno === 1045) {
    return { ok: false, code: 'authentication-failed', detail };
  }
  if (e.errno === 1129) return { ok: false, code: 'host-blocked', detail };
  return { ok: false, code: 'protocol-error', detail };
}

/**
 * Logs in to the database at `target` with its own protocol and runs `SELECT 1`. With IAM
 * authentication the password would be a token SMOOZ's role signs, which the test world cannot
 * make: the probe stops once the server asks for authentication (`checked: 'handshake'`).
 */
export async function probeDatabase(
  target: ProbeTarget,
  login: DatabaseLogin,
  options: { iam?: boolean; timeoutMs?: number } = {},
): Promise<ProbeResult> {
  const timeoutMs = options.timeoutMs ?? 5000;
  // The emulated VPC's addresses exist only in moto: no packet may leave this machine for them.
  // From SMOOZ's side such a target is one nothing answers on, as a target with no route is.
  if (!(isIPv4(target.address) && target.address.startsWith('127.'))) {
    return {
      ok: false,
      code: 'timeout',
      detail: `${target.address}:${target.port} is outside the test world's loopback network`,
    };
  }
  try {
    if (login.engine === 'postgres')
      await probePostgres(target, login, options.iam ?? false, timeoutMs);
    else await probeMariadb(target, login, options.iam ?? false, timeoutMs);
    return { ok: true, checked: options.iam ? 'handshake' : 'query' };
  } catch (error) {
    if (error instanceof HandshakeReached) return { ok: true, checked: 'handshake' };
    return classify(error);
  }
}

async function probePostgres(
  target: ProbeTarget,
  login: DatabaseLogin,
  iam: boolean,
  timeoutMs: number,
) {
  const client = new pg.Client({
    host: target.address,
    port: target.port,
    user: login.user,
    database: login.database,
    // pg asks for the password only once the server requested authentication.
    password: iam ? () => Promise.reject(new HandshakeReached()) : login.password,
    stream: () => socketFrom(target.sourceAddress),
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ one: number }>('SELECT 1 AS one');
    if (result.rows[0]?.one !== 1) throw new Error('SELECT 1 did not return 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function probeMariadb(
  target: ProbeTarget,
  login: DatabaseLogin,
  iam: boolean,
  timeoutMs: number,
) {
  const connection = await mysql
    .createConnection({
      host: target.address,
      port: target.port,
      user: login.user,
      // Without a signed token, an IAM login ends at the server's answer to the handshake.
      password: iam ? '' : login.password,
      database: login.database,
      connectTimeout: timeoutMs,
      stream: () => socketFrom(target.sourceAddress).connect(target.port, target.address),
    })
    .catch((error: unknown) => {
      if (iam && (error as { errno?: number }).errno === 1045) throw new HandshakeReached();
      throw error;
    });
  try {
    const [rows] = await connection.query<mysql.RowDataPacket[]>({
      sql: 'SELECT 1 AS one',
      timeout: timeoutMs,
    });
    if (rows[0]?.one !== 1) throw new Error('SELECT 1 did not return 1');
  } finally {
    await connection.end().catch(() => undefined);
  }
}
