import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from '../../shared/api-client';
import type { Envelope } from '../../shared/errors';

// Exposes exactly the contract's methods as `window.innsyn`; no generic invoke, no ipcRenderer.
contextBridge.exposeInMainWorld(
  'innsyn',
  createApi({
    invoke: (method, input) => ipcRenderer.invoke(method, input) as Promise<Envelope<unknown>>,
    subscribe: (event, listener) => {
      const wrapped = (_e: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => ipcRenderer.removeListener(event, wrapped);
    },
  }),
);
