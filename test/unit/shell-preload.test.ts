import { describe, expect, it, vi } from 'vitest';
import { methods } from '../../shared/contract';

const exposed: Record<string, unknown> = {};
const invoked: Array<[string, unknown]> = [];
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push([channel, input]);
      return { ok: false, error: { code: 'NOT_FOUND', message: 'nothing here' } };
    },
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

await import('../../electron/preload/index');

describe('the preload', () => {
  it('exposes one object with exactly the contract methods and `on`: no ipcRenderer, no generic invoke', () => {
    expect(Object.keys(exposed)).toEqual(['innsyn']);
    const api = exposed.innsyn as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...methods, 'on'].sort());
    for (const k of ['invoke', 'send', 'ipcRenderer', 'sendSync']) expect(api[k]).toBeUndefined();
  });

  it('sends each call on its own channel and rebuilds typed errors', async () => {
    const api = exposed.innsyn as Record<string, (i: unknown) => Promise<unknown>>;
    const err = await api['workspace:get']({}).catch((e: unknown) => e);
    expect(invoked.at(-1)).toEqual(['workspace:get', {}]);
    expect(err).toMatchObject({ name: 'AppError', code: 'NOT_FOUND' });
  });
});
