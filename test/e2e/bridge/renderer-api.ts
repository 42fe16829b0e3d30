import { createApi, type Transport } from '../../../shared/api-client';
import { eventNames, type InnsynApi } from '../../../shared/contract';
import type { Envelope } from '../../../shared/errors';

/**
 * TEST ONLY. Stands in for renderer/src/api.ts in the e2e build (see harness/build.ts): the
 * same typed API, but over HTTP to the test bridge instead of Electron IPC. The token is
 * put into the page by the test (page.addInitScript), never into the bundle.
 */
declare global {
  interface Window {
    __innsynBridgeToken?: string;
  }
}

const PREFIX = '/__innsyn-test-bridge';

function httpTransport(token: string): Transport {
  const source = new EventSource(`${PREFIX}/events?token=${encodeURIComponent(token)}`);
  return {
    async invoke(method, input) {
      const res = await fetch(`${PREFIX}/invoke/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-innsyn-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await res.json()) as Envelope<unknown>;
    },
    subscribe(event, listener) {
      if (!eventNames.includes(event)) return () => {};
      const handler = (e: MessageEvent<string>) => listener(JSON.parse(e.data));
      source.addEventListener(event, handler);
      return () => source.removeEventListener(event, handler);
    },
  };
}

let api: InnsynApi | null = null;

export function getApi(): InnsynApi {
  const token = window.__innsynBridgeToken;
  if (!token) throw new Error('The test bridge token is missing.');
  api ??= createApi(httpTransport(token));
  return api;
}
