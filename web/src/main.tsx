import '@utrecht/component-library-css';
import '@utrecht/design-tokens/dist/index.css';
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
