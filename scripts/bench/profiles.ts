// AWS profile listing figures: a generated 5 MB config file of long source_profile chains (one
// ending in keys, an SSO login, a missing source and a loop), listed as the profile step lists it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAwsAccess } from '../../main/aws/awsAccess';
import { describeProfiles } from '../../main/aws/profileCatalog';
import { loadAwsFiles } from '../../main/aws/sharedConfigFiles';
import { AppConfigSchema } from '../../main/base/config';
import { AwsProfileListingSchema } from '../../shared/aws/profiles';
import { longChainConfig } from '../../test/support/longProfileChains';

const RUNS = 5;
const home = await mkdtemp(join(tmpdir(), 'smooz-bench-profiles-'));
// The SSO token cache is read from the home folder: keep the user's own out of the figures.
process.env.HOME = home;
try {
  const paths = { configFile: join(home, 'config'), credentialsFile: join(home, 'credentials') };
  const chains = longChainConfig(5 * 1024 * 1024);
  await writeFile(paths.configFile, chains.text);
  const access = createAwsAccess({
    config: AppConfigSchema.parse({ aws: {}, externalLinkHosts: [] }),
    paths,
    env: {},
  });

  // Wall time, and the process's CPU time, which a machine busy with other work inflates less.
  const figures = new Map<string, { wall: number[]; cpu: number[] }>();
  async function measure<T>(name: string, work: () => Promise<T> | T): Promise<T> {
    const entry = figures.get(name) ?? { wall: [], cpu: [] };
    figures.set(name, entry);
    const [wall, cpu] = [performance.now(), process.cpuUsage()];
    const result = await work();
    const used = process.cpuUsage(cpu);
    entry.wall.push(performance.now() - wall);
    entry.cpu.push((used.user + used.system) / 1000);
    return result;
  }
  let listed = 0;
  for (let run = 0; run < RUNS; run += 1) {
    // A changed byte makes every step below start again from the SDK's parse, as after an edit.
    await writeFile(paths.configFile, `${chains.text}\n# run ${run}\n`);
    const files = await measure('changed file: read and parse both (SDK loader + checks)', () =>
      loadAwsFiles(paths),
    );
    await measure("changed file: resolve every profile's chain", () => describeProfiles(files));
    await writeFile(paths.configFile, `${chains.text}\n# run ${run} listed\n`);
    const listing = await measure('changed file: aws:listProfiles, no validation', () =>
      access.listProfiles(),
    );
    await measure('validate the listing (as main/ipc/dispatch.ts does)', () =>
      AwsProfileListingSchema.parse(listing),
    );
    await writeFile(paths.configFile, `${chains.text}\n# run ${run} validated\n`);
    listed = (
      await measure('changed file: aws:listProfiles, response validated', async () =>
        AwsProfileListingSchema.parse(await access.listProfiles()),
      )
    ).profiles.length;
    await measure('same file again: aws:listProfiles, response validated', async () =>
      AwsProfileListingSchema.parse(await access.listProfiles()),
    );
    await measure('same file: credentials for the last profile of a chain (nothing sent)', () =>
      access.contextFor(`keys-${chains.length - 1}`, 'ap-northeast-1'),
    );
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
  const mb = (Buffer.byteLength(chains.text) / 1024 / 1024).toFixed(1);
  console.log(`config file: ${mb} MB, ${listed} profiles in 4 chains of ${chains.length}`);
  console.log(`median of ${RUNS} runs (wall / CPU):`);
  for (const [name, { wall, cpu }] of figures) {
    console.log(`  ${name}: ${median(wall).toFixed(0)} ms / ${median(cpu).toFixed(0)} ms`);
  }
} finally {
  await rm(home, { recursive: true, force: true });
}
