import { App as AntApp, Dropdown, type MenuProps } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type ApiError } from '../../api';
import { useTerminal, type TerminalState } from '../../hooks/useTerminal';
import { exposeActiveTerminal } from './testAccess';
import type { TerminalShortcut } from './terminalShortcuts';
import { TerminalSearch } from './TerminalSearch';
import { TerminalStatusBar } from './TerminalStatusBar';
import type { TerminalAppearance } from './xtermSurface';

interface TerminalPaneProps {
  /** The page's name for this tab, passed back to the callbacks. */
  tabKey: string;
  sessionId: string;
  /** The shell to attach to; `null` starts a new one. */
  initialId: string | null;
  /** The tab shown; hidden panes stay mounted and keep receiving output. */
  active: boolean;
  appearance: TerminalAppearance;
  canOpen: boolean;
  onOpened: (tabKey: string, terminalId: string) => void;
  onStateChange: (tabKey: string, state: TerminalState) => void;
  onNewShell: () => void;
}

/** One tab: a terminal, its right-click menu and find box, and a bar once its shell stops. */
export function TerminalPane({
  tabKey,
  sessionId,
  initialId,
  active,
  appearance,
  canOpen,
  onOpened,
  onStateChange,
  onNewShell,
}: TerminalPaneProps) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const api = useApi();
  const container = useRef<HTMLDivElement>(null);
  const [searching, setSearching] = useState(false);
  const [hasSelection, setHasSelection] = useState(false);
  const shortcut = useRef<(which: TerminalShortcut) => void>(() => undefined);

  const onLinkError = useCallback(
    (error: ApiError) => void message.error(t('terminal.linkFailed', { message: error.message })),
    [message, t],
  );
  const { status, terminalId, surface, refit, reconnect } = useTerminal({
    container,
    sessionId,
    initialId,
    appearance,
    onOpened: (id) => {
      onOpened(tabKey, id);
    },
    onShortcut: (which) => {
      shortcut.current(which);
    },
    onLinkError,
  });

  const copy = async () => {
    const text = surface.current?.selection() ?? '';
    if (text === '') return;
    try {
      await api.writeClipboard(text);
    } catch {
      void message.warning(t('terminal.clipboard.writeFailed'));
    }
  };

  const paste = async () => {
    let text: string;
    try {
      text = await api.readClipboard();
    } catch {
      // The clipboard may be unavailable (no display server owns one); the
      // webview's own paste still works and reaches the shell through xterm.
      void message.warning(t('terminal.clipboard.readRefused'));
      return;
    }
    if (text !== '') surface.current?.paste(text);
    surface.current?.focus();
  };

  const closeSearch = () => {
    setSearching(false);
    surface.current?.clearSearch();
    surface.current?.focus();
  };

  useEffect(() => {
    shortcut.current = (which) => {
      if (which === 'copy') void copy();
      else if (which === 'paste') void paste();
      else if (searching) closeSearch();
      else setSearching(true);
    };
  });

  useEffect(() => {
    onStateChange(tabKey, status.state);
  }, [onStateChange, status.state, tabKey]);

  useEffect(() => {
    if (!active) return;
    // It may have been resized while hidden, and keystrokes should land here.
    refit();
    surface.current?.focus();
    return exposeActiveTerminal(terminalId, () => surface.current?.visibleText() ?? '');
  }, [active, refit, surface, terminalId]);

  const items: MenuProps['items'] = [
    {
      key: 'copy',
      disabled: !hasSelection,
      label: <span data-testid="terminal-menu-copy">{t('terminal.menu.copy')}</span>,
      extra: 'Ctrl+Shift+C',
    },
    {
      key: 'paste',
      disabled: status.state !== 'live',
      label: <span data-testid="terminal-menu-paste">{t('terminal.menu.paste')}</span>,
      extra: 'Ctrl+Shift+V',
    },
    { type: 'divider' },
    {
      key: 'selectAll',
      label: <span data-testid="terminal-menu-select-all">{t('terminal.menu.selectAll')}</span>,
    },
    { key: 'clear', label: <span data-testid="terminal-menu-clear">{t('terminal.menu.clear')}</span> },
    {
      key: 'find',
      label: <span data-testid="terminal-menu-find">{t('terminal.menu.find')}</span>,
      extra: 'Ctrl+Shift+F',
    },
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const target = surface.current;
    if (key === 'copy') void copy();
    else if (key === 'paste') void paste();
    else if (key === 'selectAll') target?.selectAll();
    else if (key === 'clear') target?.clear();
    else setSearching(true);
    if (key !== 'paste' && key !== 'find') target?.focus();
  };

  return (
    <div
      data-testid="terminal-pane"
      data-terminal-id={terminalId ?? ''}
      data-state={status.state}
      aria-hidden={!active}
      style={{
        position: 'absolute',
        inset: 0,
        display: 'flex',
        flexDirection: 'column',
        // Hidden panes keep their size, so xterm can measure and fit them
        // while in the background; `display: none` would leave nothing to
        // measure.
        visibility: active ? 'visible' : 'hidden',
        background: appearance.theme.background,
      }}
    >
      {searching && (
        <TerminalSearch
          onNext={(query) => surface.current?.findNext(query) ?? false}
          onPrevious={(query) => surface.current?.findPrevious(query) ?? false}
          onClose={closeSearch}
        />
      )}
      <Dropdown
        menu={{ items, onClick: onMenu }}
        trigger={['contextMenu']}
        onOpenChange={(open) => {
          if (open) setHasSelection((surface.current?.selection() ?? '') !== '');
        }}
      >
        {/* The padding sits outside the measured box: FitAddon reads the
            container's computed size, which would include it under border-box. */}
        <div style={{ flex: 1, minHeight: 0, display: 'flex', padding: '4px 0 0 8px' }}>
          <div
            ref={container}
            data-testid="terminal-screen"
            style={{ flex: 1, minWidth: 0, overflow: 'hidden' }}
          />
        </div>
      </Dropdown>
      <TerminalStatusBar
        status={status}
        canOpen={canOpen}
        onNewShell={onNewShell}
        onReconnect={reconnect}
      />
    </div>
  );
}
