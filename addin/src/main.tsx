import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost } from './host/detectHost';
import { paneLanguage } from './host/language';
import { loadMessages } from './i18n/translate';

// The host answers first (Office.onReady / teams-js initialize, both bounded), so FluentProvider starts with
// the right theme and MSAL is created after teams-js has installed its nested-app-auth bridge. Only the pane's
// language's texts are fetched.
void detectHost().then(async (host) => {
  await loadMessages(paneLanguage(host.locale));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
