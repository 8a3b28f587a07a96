// The shared styles first: the bundle orders CSS as the imports are met, and each screen's or
// component's own stylesheet (imported by its module, through App) must come after the generic
// rules it refines, so that at equal specificity the screen's rule wins (e.g. `.figure-table td`
// over `.table td`).
import './styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n, resolveLocale } from '../shared/i18n';
import { App } from './App';
import { AppProvider } from './app-context';
import { createAppModel } from './app-model';
import { listenToHostEvents } from './host-events';
import { runMenuCommand } from './menu-commands';
import { chooseTransport } from './transport/select';

// Start-up, once: the transport, the language (system until the preferences arrive), the stores.
const transport = chooseTransport();
const i18n = createI18n(resolveLocale(navigator.language));
const model = createAppModel(transport, i18n, window);

void model.session.getState().load();
void listenToHostEvents(
  transport.api,
  (event) => void runMenuCommand(event.command, model),
  new AbortController().signal,
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <AppProvider model={model}>
        <App />
      </AppProvider>
    </I18nextProvider>
  </StrictMode>,
);
