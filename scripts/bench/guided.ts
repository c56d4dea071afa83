// Guided setup figures: the user actions from the home screen to `available` on the happy path
// (target: at most 6; the manual needs 22 typed, selected or pasted values), and the delay
// between a state change in the emulated world and the UI showing it (target: under 2 s).
import { DescribeStacksCommand, CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { createAwsClient } from '../../main/aws/clientFactory';
import { launchChromium } from '../../test/support/browser';
import { motoAppConfig, motoContext } from '../../test/support/awsTestConfig';
import { startMotoServer } from '../../test/support/motoServer';
import {
  ActionCounter,
  openPage,
  startApp,
  startWorld,
  waitForAccount,
  waitForScreen,
} from '../../test/e2e/guided/guidedHarness';

const moto = await startMotoServer();
const world = await startWorld(moto.endpoint, 5_000);
const app = await startApp(world);
const browser = await launchChromium();
try {
  const page = await openPage(browser, app);
  const actions = new ActionCounter();
  const started = Date.now();
  await actions.click(page.getByRole('button', { name: '自動セットアップを開始' }));
  await waitForScreen(page, 'target');
  await waitForAccount(page);
  await actions.click(page.getByRole('button', { name: '次へ' }));
  await waitForScreen(page, 'database');
  await actions.click(page.getByLabel(/customer-postgres/));
  await actions.click(page.getByRole('button', { name: 'この内容で事前チェック' }));
  await waitForScreen(page, 'confirm', 120_000);
  await actions.click(page.getByTestId('confirm-create'));

  await waitForScreen(page, 'endpoint', 300_000);
  const stackShownAt = Date.now();
  await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
    timeout: 300_000,
  });
  const availableShownAt = Date.now();

  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(moto.endpoint), motoContext);
  const stacks = (await cfn.send(new DescribeStacksCommand({}))).Stacks ?? [];
  const stackDoneAt = Math.max(
    ...stacks.map((s) => (s.LastUpdatedTime ?? s.CreationTime ?? new Date(0)).getTime()),
  );
  const [connection] = await world.smooz.connections.list();
  const smoozAvailableAt = Date.parse(connection?.updatedAt ?? '');

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `user actions, home → available: ${actions.count} (target ≤ 6; the manual: 22 values)`,
  );
  console.log(
    `wall time, home → available: ${seconds(availableShownAt - started)} (moto, SMOOZ pending 5 s)`,
  );
  console.log(
    `SMOOZ status change → UI shows available: ${seconds(availableShownAt - smoozAvailableAt)} (target < 2 s)`,
  );
  console.log(
    `stack complete in the emulator → UI on step 4: ${seconds(stackShownAt - stackDoneAt)} (target < 2 s)`,
  );
} finally {
  await browser.close();
  await app.close();
  await world.close();
  await moto.stop();
}
