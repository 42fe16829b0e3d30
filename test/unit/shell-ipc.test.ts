import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import type { IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { methods } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { registerIpc } from '../../electron/main/ipc';

type Handler = (event: IpcMainInvokeEvent, input: unknown) => Promise<Envelope<unknown>>;

function wire() {
  const handlers = new Map<string, Handler>();
  const ipcMain = { handle: (channel: string, h: Handler) => void handlers.set(channel, h) };
  const dispatched: Array<[string, unknown]> = [];
  const trusted = { url: 'file:///app/index.html' } as WebFrameMain;
  registerIpc(
    ipcMain,
    async (method, input) => {
      dispatched.push([method, input]);
      return { ok: true, value: method };
    },
    (frame) => frame === trusted,
  );
  return { handlers, dispatched, trusted };
}

describe('IPC wiring', () => {
  it('registers exactly one handler per contract method, and no generic channel', () => {
    const { handlers } = wire();
    expect([...handlers.keys()].sort()).toEqual([...methods].sort());
    for (const generic of ['invoke', 'ipc', 'message', '*']) expect(handlers.has(generic)).toBe(false);
  });

  it('passes calls from our own frame to the dispatcher, for every method', async () => {
    const { handlers, dispatched, trusted } = wire();
    for (const m of methods) {
      const r = await handlers.get(m)!({ senderFrame: trusted } as IpcMainInvokeEvent, { x: 1 });
      expect(r).toEqual({ ok: true, value: m });
    }
    expect(dispatched.map(([m]) => m)).toEqual(methods);
  });

  it('refuses untrusted senders before the dispatcher sees anything', async () => {
    const { handlers, dispatched } = wire();
    const stranger = { url: 'https://evil.example/' } as WebFrameMain;
    for (const m of methods) {
      for (const senderFrame of [stranger, null]) {
        const r = await handlers.get(m)!({ senderFrame } as IpcMainInvokeEvent, {});
        expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(dispatched).toEqual([]);
  });
});
