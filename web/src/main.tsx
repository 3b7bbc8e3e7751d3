// Only the NL Design System CSS the dashboard renders (the whole library is 400 KB), and the
// tokens for the theme class on <body> (index.css would repeat them for :root).
import '@utrecht/design-tokens/dist/theme.css';
import '@utrecht/alert-css/dist/index.css';
import '@utrecht/button-css/dist/index.css';
import '@utrecht/button-link-css/dist/index.css';
import '@utrecht/checkbox-css/dist/index.css';
import '@utrecht/form-field-css/dist/index.css';
import '@utrecht/form-field-description-css/dist/index.css';
import '@utrecht/form-field-error-message-css/dist/index.css';
import '@utrecht/form-label-css/dist/index.css';
import '@utrecht/heading-1-css/dist/index.css';
import '@utrecht/heading-2-css/dist/index.css';
import '@utrecht/heading-3-css/dist/index.css';
import '@utrecht/link-css/dist/index.css';
import '@utrecht/link-button-css/dist/index.css';
import '@utrecht/paragraph-css/dist/index.css';
import '@utrecht/select-css/dist/index.css';
import '@utrecht/skip-link-css/dist/index.css';
import '@utrecht/table-css/dist/index.css';
import '@utrecht/textarea-css/dist/index.css';
import '@utrecht/textbox-css/dist/index.css';
import '@utrecht/unordered-list-css/dist/index.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProvider } from './app/provider.tsx';
import { AppRouter, router } from './app/router.tsx';
import { setUnauthorizedHandler } from './lib/api-client.ts';
import { paths } from './config/paths.ts';

// An expired session anywhere sends the user to the login page, then back.
setUnauthorizedHandler(() => {
  const { pathname, search } = router.state.location;
  if (pathname !== paths.login) void router.navigate(paths.login, { replace: true, state: { from: pathname + search, expired: true } });
});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <AppProvider>
      <AppRouter />
    </AppProvider>
  </StrictMode>,
);
