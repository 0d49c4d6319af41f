import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { createFakeApi } from './test/fakeApi';
import { renderApp } from './test/renderApp';

describe('app shell', () => {
  it('opens on the Sessions page with its empty state', async () => {
    const { router } = renderApp();

    expect(await screen.findByTestId('page-sessions')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/sessions');
    expect(await screen.findByTestId('sessions-empty')).toHaveTextContent('/home/work');
    expect(screen.getByTestId('start-session')).toBeEnabled();
    expect(screen.queryByTestId('page-storage')).not.toBeInTheDocument();
  });

  it('navigates between pages from the side menu', async () => {
    const { user, router } = renderApp();
    await screen.findByTestId('page-sessions');

    await user.click(screen.getByTestId('nav-storage'));
    expect(await screen.findByTestId('page-storage')).toBeInTheDocument();
    expect(screen.queryByTestId('page-sessions')).not.toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/storage');

    await user.click(screen.getByTestId('nav-settings'));
    expect(await screen.findByTestId('page-settings')).toBeInTheDocument();

    await user.click(screen.getByTestId('nav-sessions'));
    expect(await screen.findByTestId('page-sessions')).toBeInTheDocument();
  });

  it('marks the current page in the menu', async () => {
    renderApp({ path: '/storage' });
    await screen.findByTestId('page-storage');
    const selected = document.querySelector('.ant-menu-item-selected');
    expect(selected).not.toBeNull();
    expect(within(selected as HTMLElement).getByTestId('nav-storage')).toBeInTheDocument();
  });

  it('uses hash routing by default', async () => {
    window.location.hash = '#/settings';
    render(<App api={createFakeApi()} />);
    expect(await screen.findByTestId('page-settings')).toBeInTheDocument();

    await userEvent.click(screen.getByTestId('nav-storage'));
    expect(await screen.findByTestId('page-storage')).toBeInTheDocument();
    expect(window.location.hash).toBe('#/storage');
  });

  it('sends unknown routes to Sessions', async () => {
    renderApp({ path: '/nowhere' });
    expect(await screen.findByTestId('page-sessions')).toBeInTheDocument();
  });

  it('opens the launcher from Start', async () => {
    const { user } = renderApp();
    await user.click(await screen.findByTestId('start-session'));
    expect(await screen.findByTestId('launcher')).toHaveAttribute('data-step', 'type');
  });
});
