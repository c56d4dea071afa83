import { randomBytes } from 'node:crypto';
import { startMotoServer } from '../support/motoServer';
import { DEFAULT_SMOOZ_ACCOUNT_ID, startSmoozServer } from './smoozServer';
import { worldDataSources } from './worldDataSources';

/**
 * `npm run smooz-server`: the reference SMOOZ API for demos and manual testing. Without
 * SMOOZ_AWS_ENDPOINT_URL it starts its own moto server (the project venv) and prints both URLs.
 */
async function main(): Promise<void> {
  const env = process.env;
  const moto = env.SMOOZ_AWS_ENDPOINT_URL ? undefined : await startMotoServer();
  const motoEndpoint = env.SMOOZ_AWS_ENDPOINT_URL ?? (moto?.endpoint as string);
  const adminToken = env.SMOOZ_SERVER_ADMIN_TOKEN || randomBytes(24).toString('base64url');
  const server = await startSmoozServer({
    motoEndpoint,
    smoozAccountId: env.SMOOZ_SERVER_ACCOUNT_ID || DEFAULT_SMOOZ_ACCOUNT_ID,
    adminTokens: [adminToken],
    memberTokens: env.SMOOZ_SERVER_MEMBER_TOKEN ? [env.SMOOZ_SERVER_MEMBER_TOKEN] : [],
    transitionDelayMs: Number(env.SMOOZ_SERVER_DELAY_MS || 10_000),
    // The connectivity test logs in to the test world's databases when one is running.
    ...(env.SMOOZ_TEST_WORLD ? { dataSources: worldDataSources(env.SMOOZ_TEST_WORLD) } : {}),
    port: Number(env.SMOOZ_SERVER_PORT || 4010),
  });
  // The token is printed only when generated here: whoever set it already knows it.
  const shownToken = env.SMOOZ_SERVER_ADMIN_TOKEN ? '(from SMOOZ_SERVER_ADMIN_TOKEN)' : adminToken;
  process.stdout.write(
    [
      `SMOOZ reference server: ${server.url}`,
      `  admin token:          ${shownToken}`,
      `  SMOOZ account id:     ${server.settings.smoozAwsAccountId}`,
      `  moto (AWS emulator):  ${motoEndpoint}${moto ? ' (started here)' : ''}`,
      `Run the app with SMOOZ_API_BASE_URL=${server.url} SMOOZ_AWS_ENDPOINT_URL=${motoEndpoint}`,
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await server.close();
    await moto?.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
