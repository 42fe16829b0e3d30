import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { ApiProvider } from './app/api-context';
import { SessionProvider } from './app/session';
import { getApi } from './api';
import { initI18n } from './i18n';

void initI18n().then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ApiProvider api={getApi()}>
        <SessionProvider>
          <App />
        </SessionProvider>
      </ApiProvider>
    </StrictMode>,
  );
});
