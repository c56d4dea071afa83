import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { EventSink } from '../../../main/ipc/handlers';
import { createIpcEndpoint } from '../../../main/ipc/ipcEndpoint';
import { dispatch } from '../../../main/ipc/dispatch';
import { createMainServices } from '../../../main/app/createMainServices';
import { silentLogger } from '../../../main/base/logger';
import { currentRuntimeInfo } from '../../../main/base/runtimeInfo';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';
import { events as eventSchemas } from '../../../shared/ipc/contract';
import { motoAppConfig } from '../../support/awsTestConfig';
import { startSsoTestbed, type SsoTestbed } from '../../support/fakeSso/ssoTestbed';

const START_URL = 'https://ipc-example.awsapps.com/start';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

describe('the aws IPC channels, through the real handler table and dispatch', () => {
  let testbed: SsoTestbed;
  let userData: string;
  let call: (channel: string, payload?: unknown) => Promise<unknown>;
  const emitted: { event: string; payload: unknown }[] = [];
  const everything: string[] = [];

  beforeAll(async () => {
    testbed = await startSsoTestbed(inject('motoEndpoint'));
    await testbed.aws.writeConfig(
      [
        '[sso-session ipc]',
        `sso_start_url = ${START_URL}`,
        'sso_region = ap-northeast-1',
        '[profile ipc-admin]',
        'sso_session = ipc',
        'sso_account_id = 111122223333',
        'sso_role_name = AdministratorAccess',
        'region = ap-northeast-1',
        '[profile keys]',
        'region = ap-northeast-1',
        '',
      ].join('\n'),
    );
    await testbed.aws.writeCredentials(
      [
        '[keys]',
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        `aws_secret_access_key = ${SECRET_KEY}`,
        '',
      ].join('\n'),
    );
    userData = await mkdtemp(join(tmpdir(), 'smooz-aws-ipc-'));
    const services = createMainServices({
      config: motoAppConfig(inject('motoEndpoint')),
      storeBacking: new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd: userData }),
      runtime: currentRuntimeInfo('0.1.0'),
      awsPaths: testbed.aws.paths,
      logger: silentLogger,
      openExternal: (url) => testbed.browser.openExternal(url),
    });
    const events: EventSink = {
      emit(event, payload) {
        // What the preload would forward: it must match the contract.
        eventSchemas[event].parse(payload);
        emitted.push({ event, payload });
        everything.push(JSON.stringify(payload));
      },
    };
    const { handlers, connectEvents } = createIpcEndpoint(services);
    connectEvents(events);
    call = async (channel, payload) => {
      const result = await dispatch(handlers, channel, payload, silentLogger);
      everything.push(JSON.stringify(result));
      return result;
    };
  });

  afterAll(async () => {
    await testbed.close();
    await rm(userData, { recursive: true, force: true });
  });

  it('lists profiles and sessions with the login state', async () => {
    const result = (await call('aws:listProfiles')) as {
      ok: true;
      value: { profiles: { name: string; login: unknown }[] };
    };
    expect(result.ok).toBe(true);
    expect(result.value.profiles.map((p) => p.name)).toEqual(['ipc-admin', 'keys']);
    expect(result.value.profiles[0]?.login).toMatchObject({ state: 'missing' });
  });

  it('asks for an SSO login before anything else, as an aws.* error', async () => {
    expect(await call('aws:callerIdentity', { profile: 'ipc-admin' })).toEqual({
      ok: false,
      error: { code: 'aws.ssoTokenMissing', params: { profile: 'ipc-admin', session: 'ipc' } },
    });
  });

  it('logs in through aws:ssoLoginStart, reporting progress as events', async () => {
    const started = (await call('aws:ssoLoginStart', {
      target: { profile: 'ipc-admin' },
      flow: 'authCode',
    })) as {
      ok: true;
      value: { loginId: string; sessionKey: string; startUrl: string };
    };
    expect(started).toMatchObject({ ok: true, value: { sessionKey: 'ipc', startUrl: START_URL } });
    const { loginId } = started.value;
    while (
      !emitted.some(
        (e) =>
          (e.payload as { stage?: string; loginId?: string }).loginId === loginId &&
          ['done', 'failed'].includes((e.payload as { stage: string }).stage),
      )
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(emitted.map((e) => [e.event, (e.payload as { stage: string }).stage])).toEqual([
      ['aws:ssoLoginProgress', 'browserOpened'],
      ['aws:ssoLoginProgress', 'done'],
    ]);
    expect(await call('aws:ssoLoginCancel', { loginId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('then reports the login as valid and renewable', async () => {
    expect(await call('aws:ssoLoginStatus', { target: { ssoSession: 'ipc' } })).toMatchObject({
      ok: true,
      value: { state: 'valid', refreshable: true },
    });
  });

  it('then returns the caller identity, accounts and roles', async () => {
    expect(await call('aws:callerIdentity', { profile: 'ipc-admin' })).toMatchObject({
      ok: true,
      value: { account: '111122223333', region: 'ap-northeast-1', profile: 'ipc-admin' },
    });
    const accounts = (await call('aws:ssoListAccounts', { target: { ssoSession: 'ipc' } })) as {
      ok: true;
      value: unknown[];
    };
    expect(accounts.value).toHaveLength(3);
    expect(
      await call('aws:ssoListAccountRoles', {
        target: { profile: 'ipc-admin' },
        accountId: '222233334444',
      }),
    ).toEqual({
      ok: true,
      value: [{ accountId: '222233334444', roleName: 'ReadOnly' }],
    });
    expect(await call('aws:callerIdentity', { profile: 'keys' })).toMatchObject({ ok: true });
  });

  it('refuses a target that is no SSO profile, and an unknown login', async () => {
    expect(
      await call('aws:ssoLoginStart', { target: { profile: 'keys' }, flow: 'deviceCode' }),
    ).toEqual({
      ok: false,
      error: { code: 'aws.ssoNotSsoProfile', params: { profile: 'keys' } },
    });
    expect(await call('aws:ssoOpenVerificationPage', { loginId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'aws.ssoLoginNotFound' },
    });
  });

  it('watches a session in use: renews it silently near its end, warns when it cannot', async () => {
    const file = join(
      testbed.aws.home,
      '.aws',
      'sso',
      'cache',
      `${createHash('sha1').update('ipc').digest('hex')}.json`,
    );
    const endingSoon = async () => {
      const cached = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
      const expiresAt = `${new Date(Date.now() + 10 * 60 * 1000).toISOString().slice(0, 19)}Z`;
      await writeFile(file, JSON.stringify({ ...cached, expiresAt }));
      return { cached: { ...cached, expiresAt }, expiresAt, accessToken: cached.accessToken };
    };
    const notices = () => emitted.filter((e) => e.event === 'aws:ssoSessionNotice');
    const target = { ssoSession: 'ipc' };

    const before = await endingSoon();
    const watched = (await call('aws:ssoWatchSession', { target })) as {
      ok: true;
      value: { state: string; expiresAt: string };
    };
    expect(watched).toMatchObject({ ok: true, value: { state: 'valid', refreshable: true } });
    const renewed = JSON.parse(await readFile(file, 'utf8')) as Record<string, string>;
    expect(renewed.accessToken).not.toBe(before.accessToken);
    expect(Date.parse(watched.value.expiresAt)).toBeGreaterThan(Date.parse(before.expiresAt));
    expect(notices()).toEqual([]);

    const refused = await endingSoon();
    testbed.oidc.revokeRefreshTokens();
    await call('aws:ssoWatchSession', { target });
    expect(notices().map((e) => e.payload)).toEqual([
      {
        sessionKey: 'ipc',
        session: 'ipc',
        state: 'ending',
        endsAt: new Date(refused.expiresAt).toISOString(),
      },
    ]);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(refused.cached);
    expect(await call('aws:ssoUnwatchSession', { target })).toEqual({
      ok: true,
      value: { stopped: true },
    });
  });

  it('never sent a key, token or client secret to the renderer', async () => {
    const cache = JSON.parse(
      await readFile(
        join(
          testbed.aws.home,
          '.aws',
          'sso',
          'cache',
          `${createHash('sha1').update('ipc').digest('hex')}.json`,
        ),
        'utf8',
      ),
    ) as Record<string, string>;
    const secrets = [
      SECRET_KEY,
      cache.accessToken,
      cache.refreshToken,
      cache.clientSecret,
      cache.clientId,
    ];
    expect(everything.length).toBeGreaterThan(8);
    for (const secret of secrets) {
      expect(secret).toBeTruthy();
      for (const message of everything) expect(message).not.toContain(secret);
    }
  });
});
