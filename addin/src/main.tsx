import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { detectHost } from './host/detectHost';

// The host answers first (Office.onReady / teams-js initialize, both bounded), so FluentProvider starts with
// the right theme and MSAL is created after teams-js has installed its nested-app-auth bridge.
void detectHost().then((host) => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App host={host} />
    </StrictMode>,
  );
});
