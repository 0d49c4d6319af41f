import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { createFakeApi, defaultSettings, emitSettings, listenerCount } from '../test/fakeApi';
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

describe('terminal and notification settings', () => {
  const fontSize = () => {
    // antd puts the test id on the input itself, or on its wrapper.
    const element = screen.getByTestId('settings-terminal-font-size');
    return element instanceof HTMLInputElement ? element : within(element).getByRole('spinbutton');
  };
  const desktop = () => screen.getByTestId('settings-desktop-notifications');
  const selectedTheme = () =>
    document.querySelector('[data-testid="settings-terminal-theme"] .ant-segmented-item-selected');

  it('shows the saved values', async () => {
    const api = createFakeApi({
      getSettings: () =>
        Promise.resolve({
          terminal_font_size: 18,
          terminal_theme: 'dark',
          desktop_notifications: false,
        }),
    });
    renderApp({ api, path: '/settings' });
    await waitFor(() => {
      expect(fontSize()).toHaveValue('18');
    });
    expect(selectedTheme()).toHaveTextContent('Dark');
    expect(desktop()).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByTestId('settings-notifications')).toHaveTextContent(
      'Without a notification server on the desktop, only the in-app list under the bell is used.',
    );
  });

  it('saves each change at once, with the other values unchanged', async () => {
    const api = createFakeApi();
    const { user } = renderApp({ api, path: '/settings' });
    await waitFor(() => {
      expect(fontSize()).toHaveValue('14');
    });

    await user.click(screen.getByTestId('settings-terminal-theme-light'));
    await waitFor(() => {
      expect(api.setSettings).toHaveBeenLastCalledWith({ ...defaultSettings, terminal_theme: 'light' });
    });
    expect(selectedTheme()).toHaveTextContent('Light');

    await user.click(desktop());
    await waitFor(() => {
      expect(api.setSettings).toHaveBeenLastCalledWith({
        ...defaultSettings,
        terminal_theme: 'light',
        desktop_notifications: false,
      });
    });
    expect(desktop()).toHaveAttribute('aria-checked', 'false');

    await user.clear(fontSize());
    await user.type(fontSize(), '20');
    await waitFor(() => {
      expect(api.setSettings).toHaveBeenLastCalledWith({
        terminal_font_size: 20,
        terminal_theme: 'light',
        desktop_notifications: false,
      });
    });
    // "2" alone is below the minimum and is never sent.
    expect(api.setSettings.mock.calls.map(([settings]) => settings.terminal_font_size)).not.toContain(2);
  });

  it('puts the previous value back and says why when a change is refused', async () => {
    const api = createFakeApi({
      setSettings: () =>
        Promise.reject(new ApiError('invalid_setting', 'desktop notifications are not available')),
    });
    const { user } = renderApp({ api, path: '/settings' });
    await waitFor(() => {
      expect(desktop()).toHaveAttribute('aria-checked', 'true');
    });

    await user.click(desktop());
    const error = await screen.findByTestId('settings-notifications-error');
    expect(error).toHaveTextContent('desktop notifications are not available');
    expect(error).toHaveTextContent('Error code: invalid_setting');
    expect(desktop()).toHaveAttribute('aria-checked', 'true');
    // The error belongs to the card where the change was made.
    expect(screen.queryByTestId('settings-terminal-error')).not.toBeInTheDocument();
  });

  it('follows changes made in another window', async () => {
    const api = createFakeApi();
    renderApp({ api, path: '/settings' });
    await waitFor(() => {
      expect(fontSize()).toHaveValue('14');
    });
    await waitFor(() => {
      expect(listenerCount(api, 'settings')).toBeGreaterThan(0);
    });

    act(() => {
      emitSettings(api, { terminal_font_size: 24, terminal_theme: 'dark', desktop_notifications: false });
    });
    await waitFor(() => {
      expect(fontSize()).toHaveValue('24');
    });
    expect(selectedTheme()).toHaveTextContent('Dark');
    expect(desktop()).toHaveAttribute('aria-checked', 'false');
    expect(api.setSettings).not.toHaveBeenCalled();
  });
});
