// Guided setup figures (issue 7), all in one place for the closing note:
// - the user's actions from the home screen to `available` on the happy path (target: at most 6;
//   the manual needs 22 typed, selected or pasted values and about a dozen screen changes);
// - launch → interactive home and the renderer's gzipped JavaScript (target: < 1 s, < 300 KB),
//   measured by scripts/bench/shared/rendererFigures.ts;
// - the delay between a state change in the emulated world and the UI showing it (target: < 2 s),
//   for the two changes the user waits for: the stack completing in the customer's account, and
//   SMOOZ's endpoint turning `available`.
import {
  CloudFormationClient,
  DescribeStackEventsCommand,
  DescribeStacksCommand,
} from '@aws-sdk/client-cloudformation';
import { createAwsClient } from '../../main/aws/clientFactory';
import { launchChromium } from '../../test/support/browser';
import { motoAppConfig, motoContext } from '../../test/support/awsTestConfig';
import { startMotoServer } from '../../test/support/motoServer';
import {
  ActionCounter,
  continueToConfirm,
  openPage,
  startApp,
  startSetup,
  startWorld,
  waitForScreen,
} from '../../test/e2e/guided/guidedHarness';
import {
  describeLoad,
  describeSizes,
  launchToInteractiveHome,
  rendererBundleSizes,
} from './shared/rendererFigures';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** When the stack itself (not one of its resources) reached CREATE_COMPLETE in the emulator. */
async function stackCompletedAt(cfn: CloudFormationClient): Promise<number> {
  const stacks = (await cfn.send(new DescribeStacksCommand({}))).Stacks ?? [];
  const stack = stacks.find((s) => s.StackStatus === 'CREATE_COMPLETE');
  if (stack?.StackId === undefined) throw new Error('no completed stack in the emulator');
  const events = (await cfn.send(new DescribeStackEventsCommand({ StackName: stack.StackId })))
    .StackEvents;
  const done = events?.find(
    (e) =>
      e.ResourceType === 'AWS::CloudFormation::Stack' && e.ResourceStatus === 'CREATE_COMPLETE',
  );
  if (done?.Timestamp === undefined) throw new Error('the stack has no CREATE_COMPLETE event');
  return done.Timestamp.getTime();
}

const moto = await startMotoServer();
const world = await startWorld(moto.endpoint, 5_000);
const app = await startApp(world);
const browser = await launchChromium();
try {
  const page = await openPage(browser, app);
  const actions = new ActionCounter();
  const started = Date.now();
  await startSetup(page, /customer-postgres/, { actions });
  await continueToConfirm(page, 120_000, { actions });
  await actions.click(page.getByTestId('confirm-create'));

  await waitForScreen(page, 'endpoint', 300_000);
  const stackShownAt = Date.now();
  await page.waitForSelector('[data-testid="endpoint-phase"][data-phase="available"]', {
    timeout: 300_000,
  });
  const availableShownAt = Date.now();

  const cfn = createAwsClient(CloudFormationClient, motoAppConfig(moto.endpoint), motoContext);
  const stackDoneAt = await stackCompletedAt(cfn);
  const [connection] = await world.smooz.connections.list();
  // The reference server flips pending → available at exactly this time.
  const smoozAvailableAt = Date.parse(connection?.updatedAt ?? '');

  console.log(
    `user actions, home → available: ${actions.count} (target ≤ 6; the manual: 22 values, ~12 screens)`,
  );
  console.log(describeSizes(rendererBundleSizes()));
  console.log(describeLoad(await launchToInteractiveHome()));
  const stackDelay = stackShownAt - stackDoneAt;
  const smoozDelay = availableShownAt - smoozAvailableAt;
  console.log(
    `emulator → UI: stack CREATE_COMPLETE → step 4 shown: ${seconds(stackDelay)} (target < 2 s)`,
  );
  console.log(
    `emulator → UI: SMOOZ pending → available → shown: ${seconds(smoozDelay)} (target < 2 s)`,
  );
  console.log(`emulator → UI, worst of the two: ${seconds(Math.max(stackDelay, smoozDelay))}`);
  console.log(
    `wall time, home → available: ${seconds(availableShownAt - started)} (moto; SMOOZ pending 5 s)`,
  );
} finally {
  await browser.close();
  await app.close();
  await world.close();
  await moto.stop();
}
