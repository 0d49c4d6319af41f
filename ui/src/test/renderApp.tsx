import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent, { PointerEventsCheckLevel } from '@testing-library/user-event';
import { createMemoryRouter } from 'react-router';
import { App } from '../App';
import { routes } from '../router';
import { createFakeApi, type FakeApi } from './fakeApi';

interface RenderAppOptions {
  api?: FakeApi;
  path?: string;
}

export function renderApp({ api = createFakeApi(), path = '/' }: RenderAppOptions = {}) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false } },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  // The pointer-events check walks getComputedStyle up the tree against all
  // of antd's injected CSS, about a second per click here, and jsdom has no
  // layout for it to find covered elements anyway. Disabled controls still
  // ignore clicks.
  const user = userEvent.setup({ pointerEventsCheck: PointerEventsCheckLevel.Never });
  const view = render(<App api={api} queryClient={queryClient} router={router} />);
  return { ...view, api, router, user, queryClient };
}
