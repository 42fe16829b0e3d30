import type { InnsynApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Exposed by the preload: exactly the contract's methods. */
    innsyn?: InnsynApi;
  }
}

/** The only way the UI reaches files, databases or the network: the typed contract. */
export function getApi(): InnsynApi {
  if (!window.innsyn) throw new Error('The Innsyn API is not available in this window.');
  return window.innsyn;
}
