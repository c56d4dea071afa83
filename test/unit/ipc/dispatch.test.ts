import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { channels } from '../../../shared/ipc/contract';
import { dispatch } from '../../../main/ipc/dispatch';
import type { HandlerTable } from '../../../main/ipc/handlers';
import { silentLogger } from '../../../main/base/logger';
import { DEFAULT_PREFERENCES } from '../../../shared/preferences';
import { definedFields } from '../../../shared/definedFields';

function tableWith(overrides: Partial<HandlerTable>): HandlerTable {
  const fail = async () => {
    throw new Error('not under test');
  };
  const base = Object.fromEntries(Object.keys(channels).map((name) => [name, fail]));
  return { ...base, ...overrides } as HandlerTable;
}

describe('IPC dispatch validates both directions', () => {
  it('passes a valid request to the handler and returns its parsed answer', async () => {
    let seen: unknown;
    const handlers = tableWith({
      'app:setPreferences': async (patch) => {
        seen = patch;
        return { ...DEFAULT_PREFERENCES, ...definedFields(patch) };
      },
    });
    const result = await dispatch(handlers, 'app:setPreferences', { language: 'en' }, silentLogger);
    expect(seen).toEqual({ language: 'en' });
    expect(result).toEqual({ ok: true, value: { language: 'en', supportMode: false } });
  });

  it.each([
    ['an unsupported language', { language: 'fr' }],
    ['a wrongly typed flag', { supportMode: 'yes' }],
    ['a string instead of an object', 'en'],
  ])('refuses %s before the handler runs', async (_label, payload) => {
    let called = false;
    const handlers = tableWith({
      'app:setPreferences': async () => {
        called = true;
        return DEFAULT_PREFERENCES;
      },
    });
    const result = await dispatch(handlers, 'app:setPreferences', payload, silentLogger);
    expect(called).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
  });

  it('refuses a URL that is not a URL for shell:openExternal', async () => {
    const result = await dispatch(
      tableWith({}),
      'shell:openExternal',
      { url: 'not a url' },
      silentLogger,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidRequest' } });
  });

  it('refuses a channel that is not in the contract', async () => {
    const result = await dispatch(
      tableWith({}),
      'fs:readFile',
      { path: '/etc/passwd' },
      silentLogger,
    );
    expect(result).toEqual({ ok: false, error: { code: 'ipc.unknownChannel' } });
  });

  it('refuses an inherited property name as a channel', async () => {
    const result = await dispatch(tableWith({}), 'constructor', undefined, silentLogger);
    expect(result).toEqual({ ok: false, error: { code: 'ipc.unknownChannel' } });
  });

  it('does not let a handler answer with a shape the contract does not allow', async () => {
    const handlers = tableWith({
      'app:getPreferences': async () => ({ language: 'de', supportMode: false }) as never,
    });
    const result = await dispatch(handlers, 'app:getPreferences', undefined, silentLogger);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidResponse' } });
  });

  it('turns an AppError into its code and parameters', async () => {
    const handlers = tableWith({
      'shell:openExternal': async () => {
        throw new AppError('shell.urlNotAllowed', { url: 'https://evil.example' });
      },
    });
    const result = await dispatch(
      handlers,
      'shell:openExternal',
      { url: 'https://evil.example' },
      silentLogger,
    );
    expect(result).toEqual({
      ok: false,
      error: { code: 'shell.urlNotAllowed', params: { url: 'https://evil.example' } },
    });
  });

  it('hides the text of an unexpected exception behind a generic code', async () => {
    const handlers = tableWith({
      'connections:list': async () => {
        throw new Error('secret path /home/user/.aws/credentials');
      },
    });
    const result = await dispatch(handlers, 'connections:list', undefined, silentLogger);
    expect(result).toEqual({ ok: false, error: { code: 'internal' } });
  });
});
