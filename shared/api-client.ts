import { AppError, type Envelope } from './errors';
import {
  eventNames,
  methods,
  type EventName,
  type EventPayload,
  type InnsynApi,
  type Method,
} from './contract';

/** How calls travel: Electron IPC in the app, HTTP in the browser test bridge. */
export interface Transport {
  invoke(method: Method, input: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the typed API from the contract and a transport. Error envelopes become AppError
 * again on this side, so the UI can branch on `code`.
 */
export function createApi(transport: Transport): InnsynApi {
  const api: Record<string, unknown> = {};
  for (const m of methods) {
    api[m] = async (input: unknown) => {
      const envelope = await transport.invoke(m, input ?? {});
      if (envelope.ok) return envelope.value;
      throw new AppError(envelope.error.code, envelope.error.message, envelope.error.details);
    };
  }
  api.on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    if (!eventNames.includes(event)) throw new AppError('INVALID_INPUT', `Unknown event ${String(event)}`);
    return transport.subscribe(event, listener as (p: unknown) => void);
  };
  return api as InnsynApi;
}
