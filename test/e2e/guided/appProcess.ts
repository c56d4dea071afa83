import { startBridgeApp } from '../../support/bridgeApp';
import { createFakeEncryptor } from '../../smooz-server/fakeEncryptor';

/**
 * The app (handler table + loopback bridge) in a process of its own, so a test can quit it the
 * hard way (SIGKILL) in the middle of a step, as a crash or a forced quit would. Settings come as
 * one JSON argument; the page URL goes to stdout as one JSON line.
 */
interface Settings {
  readonly userDataDir: string;
  readonly configFile: string;
  readonly credentialsFile: string;
  readonly motoEndpoint: string;
  readonly smoozUrl: string;
  readonly token: string;
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Settings;
const app = await startBridgeApp({
  userDataDir: settings.userDataDir,
  awsPaths: { configFile: settings.configFile, credentialsFile: settings.credentialsFile },
  config: {
    aws: { endpointUrl: settings.motoEndpoint },
    smooz: { apiBaseUrl: settings.smoozUrl },
  },
  secretEncryptor: createFakeEncryptor(),
});
await app.services.smooz.tokens.write(settings.token);
process.stdout.write(`${JSON.stringify({ pageUrl: app.server.pageUrl })}\n`);
