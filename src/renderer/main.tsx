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
import './styles/index.css';

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
