import { Navigate, type RouteObject } from 'react-router';
import { RouteError } from './components/RouteError';
import { AppLayout } from './layout/AppLayout';
import { SessionsPage } from './pages/SessionsPage';
import { SettingsPage } from './pages/SettingsPage';
import { StoragePage } from './pages/StoragePage';

export const routes: RouteObject[] = [
  {
    // A window of its own (open_terminal_window), without the main layout.
    // Loaded on demand, so xterm.js stays out of the main window's bundle.
    path: '/terminal/:sessionId',
    errorElement: <RouteError />,
    lazy: () =>
      import('./pages/TerminalPage').then(({ TerminalPage }) => ({ Component: TerminalPage })),
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to="/sessions" replace /> },
      { path: 'sessions', element: <SessionsPage /> },
      { path: 'storage', element: <StoragePage /> },
      { path: 'settings', element: <SettingsPage /> },
      { path: '*', element: <Navigate to="/sessions" replace /> },
    ],
  },
];
