import type { EventName } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import type { Dispatch } from '../core/api/dispatch';

/**
 * Messages between the main process and the core's utility process. The core (database,
 * source scans, package writing) runs there so a long search or export never blocks main's
 * event loop, and with it the window. Main keeps what only main may do: native dialogs and
 * the OS keychain; the core asks for them with `ask` messages.
 */
export type HostService = 'openWorkspace' | 'savePackage' | 'saveWorkspace' | 'pickSource' | 'reveal' | 'keychainAvailable' | 'encrypt' | 'decrypt';

export type ToCore =
  | { t: 'call'; id: number; method: string; input: unknown }
  | { t: 'answer'; id: number; ok: true; value: unknown }
  | { t: 'answer'; id: number; ok: false; message: string };

export type FromCore =
  | { t: 'result'; id: number; envelope: Envelope<unknown> }
  | { t: 'event'; event: EventName; payload: unknown }
  | { t: 'ask'; id: number; service: HostService; args: unknown[] };

const coreGone: Envelope<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The Innsyn engine stopped. Nothing was exported; restart Innsyn and try again.' },
};

/** Main's side: a Dispatch that forwards to the core and serves its `ask`s. */
export function coreClient(
  send: (msg: ToCore) => void,
  services: Record<HostService, (...args: never[]) => Promise<unknown>>,
  emit: (event: EventName, payload: unknown) => void,
): { dispatch: Dispatch; receive(msg: FromCore): void; stopped(): void } {
  let next = 1;
  const pending = new Map<number, (e: Envelope<unknown>) => void>();
  return {
    dispatch: (method, input) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        send({ t: 'call', id, method, input });
      }),
    receive(msg) {
      if (msg.t === 'result') {
        pending.get(msg.id)?.(msg.envelope);
        pending.delete(msg.id);
      } else if (msg.t === 'event') {
        emit(msg.event, msg.payload);
      } else if (msg.t === 'ask') {
        const service = services[msg.service] as (...a: unknown[]) => Promise<unknown>;
        service(...msg.args).then(
          (value) => send({ t: 'answer', id: msg.id, ok: true, value }),
          (err: unknown) => send({ t: 'answer', id: msg.id, ok: false, message: err instanceof Error ? err.message : 'failed' }),
        );
      }
    },
    stopped() {
      for (const resolve of pending.values()) resolve(coreGone);
      pending.clear();
    },
  };
}

/** The core's side: runs calls through the real dispatcher and asks main for host services. */
export function coreServer(send: (msg: FromCore) => void): {
  ask(service: HostService, ...args: unknown[]): Promise<unknown>;
  serve(dispatch: Dispatch): void;
  receive(msg: ToCore): void;
} {
  let next = 1;
  let dispatch: Dispatch | null = null;
  const queued: Array<Extract<ToCore, { t: 'call' }>> = [];
  const asked = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const run = (msg: Extract<ToCore, { t: 'call' }>, d: Dispatch) =>
    void d(msg.method, msg.input).then((envelope) => send({ t: 'result', id: msg.id, envelope }));
  return {
    ask: (service, ...args) =>
      new Promise((resolve, reject) => {
        const id = next++;
        asked.set(id, { resolve, reject });
        send({ t: 'ask', id, service, args });
      }),
    serve(d) {
      dispatch = d;
      for (const msg of queued.splice(0)) run(msg, d);
    },
    receive(msg) {
      if (msg.t === 'call') {
        if (dispatch) run(msg, dispatch);
        else queued.push(msg);
      } else {
        const waiter = asked.get(msg.id);
        asked.delete(msg.id);
        if (msg.ok) waiter?.resolve(msg.value);
        else waiter?.reject(new Error(msg.message));
      }
    },
  };
}
