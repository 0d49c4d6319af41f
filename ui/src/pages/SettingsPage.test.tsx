import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { createFakeApi } from '../test/fakeApi';
import { setSystemDarkMode } from '../test/matchMedia';
import { renderApp } from '../test/renderApp';

describe('SettingsPage', () => {
  it('shows version, data directory, database and schema version', async () => {
    renderApp({ path: '/settings' });
    const about = await screen.findByTestId('about');
    expect(within(about).getByText('0.1.0')).toBeInTheDocument();
    expect(within(about).getByText('/home/alex/.local/share/berth')).toBeInTheDocument();
    expect(within(about).getByText('/home/alex/.local/share/berth/berth.db')).toBeInTheDocument();
    expect(within(about).getByText('3')).toBeInTheDocument();
  });

  it('shows an error instead of About details when the call fails', async () => {
    const api = createFakeApi({
      appInfo: () => Promise.reject(new ApiError('io', 'data directory is not readable')),
    });
    renderApp({ api, path: '/settings' });
    expect(await screen.findByText('data directory is not readable')).toBeInTheDocument();
    expect(screen.getByText('Error code: io')).toBeInTheDocument();
    expect(screen.queryByTestId('about')).not.toBeInTheDocument();
  });

  it('reports the system colour scheme and follows changes live', async () => {
    renderApp({ path: '/settings' });
    const scheme = await screen.findByTestId('color-scheme');
    expect(scheme).toHaveTextContent('Currently light');

    act(() => {
      setSystemDarkMode(true);
    });
    expect(scheme).toHaveTextContent('Currently dark');
  });
});
