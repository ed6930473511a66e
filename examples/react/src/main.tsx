import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient } from '@mpp-kit/core';
import { resolveApiBase, setDefaultApiBase } from '@mpp-kit/elements';
import '@mpp-kit/elements/mpp-service-catalog/define';
import { App } from './App.js';
import { API_BASE } from './config.js';
import './styles.css';

// The documented way for npm users: one call before the first widget connects. Every widget
// without an `api` attribute talks to this server, and so does the headless SDK below.
setDefaultApiBase(API_BASE);
const client = createClient({ baseUrl: resolveApiBase(null) });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
