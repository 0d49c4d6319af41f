import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createHashRouter, RouterProvider } from 'react-router';
import { ApiProvider, tauriApi, type Api } from './api';
import { FolderExplorerProvider } from './components/explorer/FolderExplorerProvider';
import { TransferPanel } from './components/transfers/TransferPanel';
import { TransferProvider } from './components/transfers/TransferProvider';
import { createQueryClient } from './hooks/queryClient';
import './i18n';
import { routes } from './router';
import { AppThemeProvider } from './theme/AppThemeProvider';

type Router = ReturnType<typeof createHashRouter>;

interface AppProps {
  api?: Api;
  queryClient?: QueryClient;
  /** Defaults to hash routing, which works under Tauri's custom protocol without server rewrites. */
  router?: Router;
}

export function App({ api = tauriApi, queryClient, router }: AppProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const [activeRouter] = useState(() => router ?? createHashRouter(routes));

  return (
    <ApiProvider api={api}>
      <QueryClientProvider client={client}>
        <AppThemeProvider>
          <TransferProvider>
            {/* Outside the router so the explorer and the transfers outlive page changes. */}
            <FolderExplorerProvider>
              <RouterProvider router={activeRouter} />
            </FolderExplorerProvider>
            <TransferPanel />
          </TransferProvider>
        </AppThemeProvider>
      </QueryClientProvider>
    </ApiProvider>
  );
}
