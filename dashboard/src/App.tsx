// The shell: providers (query cache, key prompt, live feed), the navigation and the pages.
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { isAuthError } from './api/client';
import { storeKey } from './auth/keys';
import { KeyPromptProvider, useAskForKey } from './auth/KeyPrompt';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { Alerts } from './pages/Alerts';
import { Cartridges } from './pages/Cartridges';
import { Dcrs } from './pages/Dcrs';
import { Maintenance } from './pages/Maintenance';
import { ManualTest } from './pages/ManualTest';
import { ModelPage } from './pages/ModelPage';
import { Overview } from './pages/Overview';
import { Routing } from './pages/Routing';
import { RealtimeProvider } from './realtime/RealtimeProvider';

export function newQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isAuthError(error) && count < 2,
      },
    },
  });
}

/** A read refused for the key (READ_API_KEY set): ask for the read key once, then load again. */
function AskReadKeyOnRefusal() {
  const client = useQueryClient();
  const ask = useAskForKey();
  useEffect(
    () =>
      client.getQueryCache().subscribe((event) => {
        if (event.type !== 'updated' || !isAuthError(event.query.state.error)) return;
        storeKey('read', null);
        void ask('read', 'This server needs a read key (READ_API_KEY) to show its data.').then(async (given) => {
          if (given) await client.invalidateQueries();
        });
      }),
    [client, ask],
  );
  return null;
}

const PAGES = [
  { path: '/', label: 'Overview', element: <Overview /> },
  { path: '/dcrs', label: 'DCRS', element: <Dcrs /> },
  { path: '/cartridges', label: 'Cartridges', element: <Cartridges /> },
  { path: '/alerts', label: 'Alerts', element: <Alerts /> },
  { path: '/routing', label: 'Routing', element: <Routing /> },
  { path: '/maintenance', label: 'Maintenance', element: <Maintenance /> },
  { path: '/manual-test', label: 'Manual test', element: <ManualTest /> },
];

export function Layout({ children }: { children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">SHawn-Brain</span>
        <button
          type="button"
          className="menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-nav"
          onClick={() => setMenuOpen(!menuOpen)}
        >
          Menu
        </button>
        <nav id="main-nav" aria-label="Main" className={menuOpen ? 'open' : ''}>
          <ul>
            {PAGES.map((page) => (
              <li key={page.path}>
                <NavLink to={page.path} end={page.path === '/'} onClick={() => setMenuOpen(false)}>
                  {page.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <ConnectionIndicator />
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

export function App({ client: given }: { client?: QueryClient }) {
  // One cache for the page's life, whatever re-renders the root.
  const [client] = useState(() => given ?? newQueryClient());
  return (
    <QueryClientProvider client={client}>
      <KeyPromptProvider>
        <AskReadKeyOnRefusal />
        <RealtimeProvider>
          <BrowserRouter basename="/dashboard">
            <Layout>
              <Routes>
                {PAGES.map((page) => (
                  <Route key={page.path} path={page.path} element={page.element} />
                ))}
                <Route path="/models/:id" element={<ModelPage />} />
                <Route path="*" element={<p>No such page.</p>} />
              </Routes>
            </Layout>
          </BrowserRouter>
        </RealtimeProvider>
      </KeyPromptProvider>
    </QueryClientProvider>
  );
}
