import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/contract';
import { createHandlers } from '../../../main/ipc/createHandlers';
import { servicesOnDisk } from '../../support/servicesOnDisk';

const services = async () => (await servicesOnDisk()).services;

describe('the handler table', () => {
  it('has a function for every channel of the contract and nothing else', async () => {
    const handlers = createHandlers(await services());
    expect(Object.keys(handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES) expect(typeof handlers[name]).toBe('function');
  });
});
