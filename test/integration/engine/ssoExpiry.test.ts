import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { SetupState } from '../../../shared/flow/state';
import { accountSnapshot, snapshotDelta } from '../../support/accountSnapshot';
import { createEngineHarness } from '../../support/engineHarness';
import { postgresRequest, tearDownFully, insideVpc } from '../../support/engineFlows';
import { resetMoto } from '../../support/motoServer';
import { ROOT } from '../../support/projectRoot';
import { seedCustomerAccount, type SeededAccount } from '../../support/seedAccount';
import { SSO_PROFILE, startSsoWorld, type SsoWorld } from './ssoWorld';

/** The message the renderer shows for an error code, in one language, from the real catalogue. */
function localized(lang: 'ja' | 'en', code: string, params: Record<string, unknown>): string {
  const [ns, name] = code.split('.') as [string, string];
  const catalogue = JSON.parse(
    readFileSync(join(ROOT, 'renderer', 'src', 'locales', lang, `${ns}.json`), 'utf8'),
  ) as { errors: Record<string, string> };
  const text = catalogue.errors[name] ?? '';
  return text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(params[key] ?? ''));
}

const MUTATIONS = new Set([
  'CreateSecurityGroup',
  'AuthorizeSecurityGroupIngress',
  'CreateStack',
  'CreateVpcEndpoint',
  'DeleteStack',
  'RevokeSecurityGroupIngress',
  'DeleteSecurityGroup',
]);

describe('setup engine: the SSO login ends in the middle of the flow', () => {
  const endpoint = inject('motoEndpoint');
  let seeded: SeededAccount;
  let world: SsoWorld;

  beforeAll(async () => {
    await resetMoto(endpoint);
    seeded = await seedCustomerAccount(endpoint);
    world = await startSsoWorld(endpoint);
  });
  afterAll(() => world.close());

  it('pauses for login with the localized "log in again" error, keeps what was done, and after the login continues without creating anything twice', async () => {
    await world.login();
    const before = await accountSnapshot(endpoint);
    const calls: string[] = [];
    const { engine } = createEngineHarness(endpoint, {
      getAwsContext: (profile, region) => world.services.awsAccess.contextFor(profile, region),
      onApiCall: (_service, operation) => calls.push(operation),
    });
    let ended = false;
    engine.subscribe((event) => {
      // Half-way through the database's rules: the updater group's and the NLB's first /32 of
      // three are in, the login ends.
      if (
        !ended &&
        event.type === 'stateChanged' &&
        event.state.step === 'authorizingLoadBalancer' &&
        event.state.created.filter((r) => r.kind === 'ingressRule').length === 2
      ) {
        ended = true;
        world.endLogin();
      }
    });

    const created = await insideVpc(
      engine,
      await engine.create({
        ...postgresRequest(seeded, 'sso-flow'),
        profile: SSO_PROFILE,
      }),
    );
    const id = created.plan.connectionId;
    expect((await engine.runPreflight(id)).step).toBe('ready');
    await engine.start(id);
    const paused = await engine.settled(id);

    expect(ended).toBe(true);
    // Every call went through the SSO profile: role credentials were fetched from the portal.
    expect(
      world.portal.calls.filter((c) => c.operation === '/federation/credentials').length,
    ).toBeGreaterThan(1);
    expect(paused).toMatchObject({
      step: 'waitingForLogin',
      resumeStep: 'authorizingLoadBalancer',
      error: { code: 'aws.ssoTokenExpired', params: { profile: SSO_PROFILE, session: 'corp' } },
    });
    if (paused.step !== 'waitingForLogin' || !paused.error) return;
    const params = paused.error.params ?? {};
    expect(localized('ja', paused.error.code, params)).toContain(
      'corp の SSO ログインの有効期限が切れました',
    );
    expect(localized('en', paused.error.code, params)).toContain('Log in again');
    // The state kept: the group, the stack and the two rules made before the login ended, on disk.
    expect(engine.get(id)).toEqual(paused);
    expect(paused.created.map((r) => r.kind)).toEqual([
      'securityGroup',
      'ingressRule',
      'stack',
      'ingressRule',
    ]);
    const mutationsBefore = calls.filter((c) => MUTATIONS.has(c));
    expect(mutationsBefore).toEqual([
      'CreateSecurityGroup',
      'AuthorizeSecurityGroupIngress',
      'CreateStack',
      'AuthorizeSecurityGroupIngress',
    ]);

    // Resuming without a login pauses again at once, and changes nothing.
    await engine.resume(id);
    const still = await engine.settled(id);
    expect(still).toMatchObject({
      step: 'waitingForLogin',
      resumeStep: 'authorizingLoadBalancer',
    });
    expect(calls.filter((c) => MUTATIONS.has(c))).toEqual(mutationsBefore);

    await world.login();
    await engine.resume(id);
    const end: SetupState = await engine.settled(id);
    expect(end.step).toBe('complete');

    // Only what was still missing was created: the NLB's two other /32s.
    expect(calls.filter((c) => MUTATIONS.has(c)).slice(mutationsBefore.length)).toEqual([
      'AuthorizeSecurityGroupIngress',
      'AuthorizeSecurityGroupIngress',
    ]);
    const delta = snapshotDelta(before, await accountSnapshot(endpoint));
    expect(delta.securityGroups).toHaveLength(1);
    expect(delta.rulesAddedToExistingGroups).toHaveLength(4);
    expect(delta.stacks).toEqual([end.plan.stackName]);
    expect(end.created.map((r) => r.kind)).toEqual([
      'securityGroup',
      'ingressRule',
      'stack',
      'ingressRule',
      'ingressRule',
      'ingressRule',
    ]);
    expect((await tearDownFully(engine, id)).step).toBe('tornDown');
    expect(await accountSnapshot(endpoint)).toEqual(before);
  });
});
