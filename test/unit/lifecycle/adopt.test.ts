import { describe, expect, it } from 'vitest';
import {
  IllegalAdoptionTransitionError,
  partsOf,
  reduceAdoption,
  remainingTeardown,
  startAdoption,
  type AdoptionEvent,
  type AdoptionState,
} from '../../../shared/lifecycle/adopt';
import { manualSetup } from '../../support/lifecycle/foundSetups';

const setup = manualSetup();
const parts = partsOf(setup);
const started = startAdoption(setup, '本番DB', '2026-12-02T03:00:00Z');
const verified: AdoptionEvent = { type: 'verified', parts, at: '2026-12-02T03:00:05Z' };
const failed: AdoptionEvent = { type: 'failed', error: { code: 'lifecycle.setupChanged' } };

describe('the adoption machine (shared/lifecycle/adopt.ts)', () => {
  it('starts verifying with the scanned parts and SMOOZ’s connection, then ends adopted', () => {
    expect(started).toMatchObject({
      step: 'verifying',
      key: setup.key,
      name: '本番DB',
      origin: 'handMade',
      smoozConnectionId: 'conn-0123456789',
      parts: {
        endpointServiceId: setup.endpointService.id,
        loadBalancerArn: setup.loadBalancer?.arn,
        updaterFunctionName: 'smooz-privatelink-function',
        stackName: 'smooz-privatelink',
      },
    });
    const adopted = reduceAdoption(started, verified);
    expect(adopted).toMatchObject({
      step: 'adopted',
      adoptedAt: verified.at,
      lastCheckedAt: verified.at,
    });
  });

  it('refuses to adopt parts other than those scanned (the setup changed since)', () => {
    const changed = { ...parts, loadBalancerArn: 'arn:other' };
    expect(() => reduceAdoption(started, { ...verified, parts: changed })).toThrow(
      IllegalAdoptionTransitionError,
    );
  });

  it('fails, retries, and is released without ever touching AWS parts', () => {
    let s: AdoptionState = reduceAdoption(started, failed);
    expect(s).toMatchObject({ step: 'failed', error: { code: 'lifecycle.setupChanged' } });
    s = reduceAdoption(s, { type: 'retried' });
    expect(s.step).toBe('verifying');
    expect('error' in s).toBe(false);
    s = reduceAdoption(reduceAdoption(s, verified), { type: 'released' });
    expect(s.step).toBe('released');
    expect(s.parts).toEqual(parts);
  });

  it('keeps an adopted setup adopted on a re-check, with the time and the parts found', () => {
    const adopted = reduceAdoption(started, verified);
    const later = { ...parts, targetGroupArns: ['arn:tg-new'] };
    expect(
      reduceAdoption(adopted, { type: 'rechecked', parts: later, at: '2026-12-02T04:00:00Z' }),
    ).toMatchObject({ step: 'adopted', lastCheckedAt: '2026-12-02T04:00:00Z', parts: later });
  });

  const adopted = reduceAdoption(started, verified);
  const released = reduceAdoption(adopted, { type: 'released' });
  const failedState = reduceAdoption(started, failed);
  const rechecked: AdoptionEvent = { type: 'rechecked', parts, at: 'x' };
  it.each<[string, AdoptionState, AdoptionEvent]>([
    ['verified when adopted', adopted, verified],
    ['verified when failed', failedState, verified],
    ['failed when adopted', adopted, failed],
    ['retried when verifying', started, { type: 'retried' }],
    ['rechecked when verifying', started, rechecked],
    ['released when verifying', started, { type: 'released' }],
    ['anything when released', released, rechecked],
    ['released twice', released, { type: 'released' }],
  ])('refuses %s', (_label, state, event) => {
    expect(() => reduceAdoption(state, event)).toThrow(IllegalAdoptionTransitionError);
  });

  it('tears down SMOOZ’s connection before the stack, each once, then ends torn down', () => {
    let s: AdoptionState = reduceAdoption(adopted, { type: 'teardownStarted' });
    expect(s).toMatchObject({ step: 'tearingDown', removed: [] });
    expect(remainingTeardown(s)).toEqual(['smoozConnection', 'stack']);
    expect(() => reduceAdoption(s, { type: 'tornDown' })).toThrow(IllegalAdoptionTransitionError);
    s = reduceAdoption(s, { type: 'partRemoved', part: 'smoozConnection' });
    expect(() => reduceAdoption(s, { type: 'partRemoved', part: 'smoozConnection' })).toThrow(
      IllegalAdoptionTransitionError,
    );
    s = reduceAdoption(s, failed);
    expect(s).toMatchObject({ step: 'teardownFailed', removed: ['smoozConnection'] });
    s = reduceAdoption(s, { type: 'teardownStarted' });
    expect(remainingTeardown(s)).toEqual(['stack']);
    s = reduceAdoption(s, { type: 'partRemoved', part: 'stack' });
    expect(reduceAdoption(s, { type: 'tornDown' }).step).toBe('tornDown');
  });

  it('refuses to tear down a setup no stack holds, or one not adopted', () => {
    const { stackName: _s, ...noStack } = parts;
    const handBuilt = reduceAdoption(
      { ...started, parts: noStack },
      { type: 'verified', parts: noStack, at: 'x' },
    );
    expect(() => reduceAdoption(handBuilt, { type: 'teardownStarted' })).toThrow(
      IllegalAdoptionTransitionError,
    );
    expect(() => reduceAdoption(started, { type: 'teardownStarted' })).toThrow(
      IllegalAdoptionTransitionError,
    );
    expect(() => reduceAdoption(released, { type: 'teardownStarted' })).toThrow(
      IllegalAdoptionTransitionError,
    );
  });
});
