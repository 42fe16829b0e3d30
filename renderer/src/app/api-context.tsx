import { createContext, useContext, type ReactNode } from 'react';
import type { InnsynApi } from '../../../shared/contract';

const ApiContext = createContext<InnsynApi | null>(null);

export function ApiProvider({ api, children }: { api: InnsynApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

/** The typed contract: the only way a screen reaches files, databases or the network. */
export function useApi(): InnsynApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
