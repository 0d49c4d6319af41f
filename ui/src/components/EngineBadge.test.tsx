import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { EngineStatus } from '../api';
import { connectedStatus, createFakeApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

describe('EngineBadge', () => {
  it('shows a loading state until the first status arrives', async () => {
    let resolve: (status: EngineStatus) => void = () => undefined;
    const api = createFakeApi({
      engineStatus: () =>
        new Promise<EngineStatus>((done) => {
          resolve = done;
        }),
    });
    renderApp({ api });

    const badge = await screen.findByTestId('engine-badge');
    expect(badge).toHaveAttribute('data-state', 'loading');
    expect(screen.queryByTestId('engine-banner')).not.toBeInTheDocument();

    resolve(connectedStatus);
    await waitFor(() => {
      expect(screen.getByTestId('engine-badge')).toHaveAttribute('data-state', 'connected');
    });
  });

  it('shows connected with the engine version', async () => {
    renderApp();

    await waitFor(() => {
      expect(screen.getByTestId('engine-badge')).toHaveAttribute('data-state', 'connected');
    });
    const badge = screen.getByTestId('engine-badge');
    expect(badge).toHaveTextContent('Engine connected · 20.10.24');
    expect(screen.queryByTestId('engine-banner')).not.toBeInTheDocument();
  });

  it('puts endpoint, OS, CPUs and memory in the tooltip', async () => {
    const { user } = renderApp();
    await waitFor(() => {
      expect(screen.getByTestId('engine-badge')).toHaveAttribute('data-state', 'connected');
    });

    await user.hover(screen.getByTestId('engine-badge'));
    const tooltip = await screen.findByRole('tooltip');
    expect(tooltip).toHaveTextContent('unix:///var/run/docker.sock');
    expect(tooltip).toHaveTextContent('Debian GNU/Linux 12 (bookworm)');
    expect(within(tooltip).getByText('8')).toBeInTheDocument();
    expect(tooltip).toHaveTextContent('16.0 GiB');
  });

  it('treats a failing status call as unreachable and shows why', async () => {
    const api = createFakeApi({
      engineStatus: () => Promise.reject(new Error('command engine_status not found')),
    });
    renderApp({ api });

    await waitFor(() => {
      expect(screen.getByTestId('engine-badge')).toHaveAttribute('data-state', 'unreachable');
    });
    const banner = await screen.findByTestId('engine-banner');
    expect(banner).toHaveTextContent('command engine_status not found');
    expect(banner).toHaveTextContent('Error code: unknown');
  });
});
