import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Session } from '../../api';
import { createFakeApi, session } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

const running = session('train-gpt');
const launching = session('warming-up', { status: 'PREPARING', history: [] });

function withSessions(systemTerminal: boolean, all: Session[] = [running, launching]) {
  return createFakeApi({
    listSessions: () => Promise.resolve(all),
    sessionInfo: (id) => Promise.resolve(all.find((s) => s.id === id) ?? running),
    systemTerminalAvailable: () => Promise.resolve(systemTerminal),
  });
}

describe('terminal actions in the main window', () => {
  it('opens the terminal window of a running session from its drawer', async () => {
    const api = withSessions(false);
    const { user } = renderApp({ api, path: '/sessions' });
    await user.click(await screen.findByTestId('session-open-train-gpt'));
    const button = await screen.findByTestId('session-open-terminal');
    expect(button).toHaveTextContent('Execute terminal app');
    await user.click(button);
    expect(api.openTerminalWindow).toHaveBeenCalledWith(running.id);
    // Without a terminal emulator on the host there is nothing more to offer.
    expect(screen.queryByTestId('session-open-terminal-more')).not.toBeInTheDocument();
  });

  it('keeps the button disabled until the session runs', async () => {
    const api = withSessions(true);
    const { user } = renderApp({ api, path: '/sessions' });
    await user.click(await screen.findByTestId('session-open-warming-up'));
    await waitFor(() => {
      expect(screen.getByTestId('session-drawer')).toHaveAttribute('data-session', 'warming-up');
    });
    expect(screen.getByTestId('session-open-terminal')).toBeDisabled();
    expect(screen.getByTestId('session-terminal-warming-up')).toBeDisabled();
    expect(screen.getByTestId('session-terminal-train-gpt')).toBeEnabled();
  });

  it('offers the system terminal when the host has one', async () => {
    const api = withSessions(true);
    const { user } = renderApp({ api, path: '/sessions' });
    await user.click(await screen.findByTestId('session-open-train-gpt'));
    await user.click(await screen.findByTestId('session-open-terminal-more'));
    await user.click(await screen.findByTestId('session-open-system-terminal'));
    expect(api.openSystemTerminal).toHaveBeenCalledWith(running.id);
    expect(api.openTerminalWindow).not.toHaveBeenCalled();
  });

  it('opens the terminal from the table row, and says so when it cannot', async () => {
    const api = withSessions(false);
    api.openTerminalWindow.mockRejectedValueOnce({ code: 'session_not_running', message: 'not running' });
    const { user } = renderApp({ api, path: '/sessions' });
    await user.click(await screen.findByTestId('session-terminal-train-gpt'));
    expect(api.openTerminalWindow).toHaveBeenCalledWith(running.id);
    expect(await screen.findByText('Could not open the terminal: not running')).toBeInTheDocument();
  });
});
