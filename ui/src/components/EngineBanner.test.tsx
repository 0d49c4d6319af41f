import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { connectedStatus, createFakeApi, unreachableStatus } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

describe('EngineBanner', () => {
  it('explains an unreachable engine: endpoint, error and hint', async () => {
    const api = createFakeApi({ engineStatus: () => Promise.resolve(unreachableStatus) });
    renderApp({ api });

    const banner = await screen.findByTestId('engine-banner');
    expect(banner).toHaveTextContent('unix:///run/user/1000/docker.sock');
    expect(banner).toHaveTextContent('connection refused (os error 111)');
    expect(banner).toHaveTextContent('Start Docker Desktop, or run `sudo systemctl start docker`.');
    expect(banner).toHaveTextContent('engine_unreachable');

    const badge = screen.getByTestId('engine-badge');
    expect(badge).toHaveAttribute('data-state', 'unreachable');
    expect(badge).toHaveTextContent('Engine unreachable');
  });

  it('sits above the page content on every page', async () => {
    const api = createFakeApi({ engineStatus: () => Promise.resolve(unreachableStatus) });
    const { user } = renderApp({ api });
    await screen.findByTestId('engine-banner');

    await user.click(screen.getByTestId('nav-settings'));
    await screen.findByTestId('page-settings');
    expect(screen.getByTestId('engine-banner')).toBeInTheDocument();
  });

  it('retries on demand and disappears once the engine is back', async () => {
    const api = createFakeApi();
    api.engineStatus.mockResolvedValueOnce(unreachableStatus);
    const { user } = renderApp({ api });

    const banner = await screen.findByTestId('engine-banner');
    expect(api.engineStatus).toHaveBeenCalledTimes(1);

    api.engineStatus.mockResolvedValue(connectedStatus);
    await user.click(within(banner).getByRole('button', { name: /retry/i }));

    await waitFor(() => {
      expect(screen.queryByTestId('engine-banner')).not.toBeInTheDocument();
    });
    expect(api.engineStatus).toHaveBeenCalledTimes(2);
    expect(screen.getByTestId('engine-badge')).toHaveAttribute('data-state', 'connected');
  });
});
