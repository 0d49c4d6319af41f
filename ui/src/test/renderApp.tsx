import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
  const user = userEvent.setup();
  const view = render(<App api={api} queryClient={queryClient} router={router} />);
  return { ...view, api, router, user, queryClient };
}
