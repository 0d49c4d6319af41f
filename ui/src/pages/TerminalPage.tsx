import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  ConfigProvider,
  Flex,
  Result,
  Spin,
  Tabs,
  Tooltip,
  Typography,
  theme,
  type TabsProps,
} from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { toApiError, useApi, type ApiError } from '../api';
import { isEnded } from '../components/sessions/sessionStatus';
import { SessionStatusTag } from '../components/sessions/SessionStatusTag';
import { TerminalPane } from '../components/terminal/TerminalPane';
import { useSession } from '../hooks/useSessions';
import type { TerminalState } from '../hooks/useTerminal';
import { useTerminalSettings } from '../hooks/useTerminalSettings';

/** One tab; `terminalId` is `null` until its new shell has started. */
interface ShellTab {
  key: string;
  terminalId: string | null;
  /** Shown in the label: "Shell 3". */
  number: number;
  state: TerminalState;
}

type Listing = { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: ApiError };

/**
 * The terminal window of one session (hash route `/terminal/:sessionId`),
 * outside the main layout: a tab per shell. Opening it re-attaches to every
 * shell the backend still holds, which restores their screens, or starts one.
 */
export function TerminalPage() {
  const { sessionId = '' } = useParams();
  const api = useApi();
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { scheme, appearance } = useTerminalSettings();
  const session = useSession(sessionId);
  const [tabs, setTabs] = useState<ShellTab[]>([]);
  const [activeKey, setActiveKey] = useState('');
  const [listing, setListing] = useState<Listing>({ state: 'loading' });
  const [listAttempt, setListAttempt] = useState(0);
  const counter = useRef(0);
  const name = session.data?.name;
  const canOpen = !(session.data && isEnded(session.data.status));

  const makeTab = useCallback((terminalId: string | null): ShellTab => {
    const number = ++counter.current;
    return { key: `tab-${number}`, terminalId, number, state: 'connecting' };
  }, []);

  useEffect(() => {
    let stale = false;
    api
      .sessionTerminals(sessionId)
      .then((found) => {
        if (stale) return;
        const restored = found.map((info) => makeTab(info.id));
        const initial = restored.length > 0 ? restored : [makeTab(null)];
        setTabs(initial);
        setActiveKey(initial[0]?.key ?? '');
        setListing({ state: 'ready' });
      })
      .catch((reason: unknown) => {
        if (!stale) setListing({ state: 'failed', error: toApiError(reason) });
      });
    return () => {
      stale = true;
    };
  }, [api, makeTab, sessionId, listAttempt]);

  useEffect(() => {
    if (name) document.title = t('terminal.windowTitle', { name });
  }, [name, t]);

  const addTab = useCallback(() => {
    const tab = makeTab(null);
    setTabs((current) => [...current, tab]);
    setActiveKey(tab.key);
  }, [makeTab]);

  const closeTab = (key: string) => {
    const index = tabs.findIndex((tab) => tab.key === key);
    const closing = tabs[index];
    if (!closing) return;
    // A shell still starting is ended by its pane as it unmounts.
    if (closing.terminalId !== null) {
      api.closeTerminal(closing.terminalId).catch((reason: unknown) => {
        void message.error(t('terminal.closeFailed', { message: toApiError(reason).message }));
      });
    }
    const rest = tabs.filter((tab) => tab.key !== key);
    setTabs(rest);
    if (key === activeKey) setActiveKey((rest[index] ?? rest[index - 1])?.key ?? '');
  };

  const onOpened = useCallback((key: string, terminalId: string) => {
    setTabs((current) => current.map((tab) => (tab.key === key ? { ...tab, terminalId } : tab)));
  }, []);

  const onStateChange = useCallback((key: string, state: TerminalState) => {
    setTabs((current) =>
      current.some((tab) => tab.key === key && tab.state !== state)
        ? current.map((tab) => (tab.key === key ? { ...tab, state } : tab))
        : current,
    );
  }, []);

  const items: TabsProps['items'] = tabs.map((tab) => ({
    key: tab.key,
    label: (
      <Typography.Text
        type={tab.state === 'exited' || tab.state === 'error' ? 'secondary' : undefined}
        data-testid="terminal-tab"
        data-terminal-id={tab.terminalId ?? ''}
        data-state={tab.state}
      >
        {t('terminal.tab', { n: tab.number })}
      </Typography.Text>
    ),
    closeIcon: (
      <CloseOutlined
        aria-label={t('terminal.close')}
        data-testid={`terminal-close-${tab.terminalId ?? tab.key}`}
      />
    ),
  }));

  const themeConfig = useMemo(
    () => ({ algorithm: scheme === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm }),
    [scheme],
  );

  return (
    <ConfigProvider theme={themeConfig}>
      <div
        data-testid="terminal-page"
        data-session-id={sessionId}
        style={{
          height: '100vh',
          display: 'flex',
          flexDirection: 'column',
          background: appearance.theme.background,
        }}
      >
        <div data-testid="terminal-tabs" style={{ flex: 'none', padding: '6px 8px 0' }}>
          <Tabs
            type="editable-card"
            size="small"
            activeKey={activeKey}
            onChange={setActiveKey}
            onEdit={(key, action) => {
              if (action === 'remove' && typeof key === 'string') closeTab(key);
            }}
            // Our own "+" below: antd renders its add button twice (once for
            // the overflow menu), which leaves tests two to choose from.
            hideAdd
            items={items}
            tabBarStyle={{ margin: 0 }}
            tabBarExtraContent={{
              right: (
                <Flex align="center" gap={8} style={{ paddingLeft: 8 }}>
                  {canOpen && listing.state === 'ready' && (
                    <Tooltip title={t('terminal.add')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<PlusOutlined />}
                        aria-label={t('terminal.add')}
                        data-testid="terminal-add"
                        onClick={addTab}
                      />
                    </Tooltip>
                  )}
                  {session.data && (
                    <>
                      <Typography.Text strong data-testid="terminal-session-name">
                        {session.data.name}
                      </Typography.Text>
                      <SessionStatusTag session={session.data} testId="terminal-session-status" />
                    </>
                  )}
                </Flex>
              ),
            }}
          />
        </div>
        <div style={{ flex: 1, minHeight: 0, position: 'relative' }}>
          {tabs.map((tab) => (
            <TerminalPane
              key={tab.key}
              tabKey={tab.key}
              sessionId={sessionId}
              initialId={tab.terminalId}
              active={tab.key === activeKey}
              appearance={appearance}
              canOpen={canOpen}
              onOpened={onOpened}
              onStateChange={onStateChange}
              onNewShell={addTab}
            />
          ))}
          {listing.state === 'loading' && (
            <Flex justify="center" style={{ paddingTop: 48 }}>
              <Spin />
            </Flex>
          )}
          {listing.state === 'failed' && (
            <Result
              status="warning"
              title={t('terminal.listFailed')}
              subTitle={listing.error.message}
              extra={
                <Button
                  type="primary"
                  data-testid="terminal-list-retry"
                  onClick={() => {
                    setListing({ state: 'loading' });
                    setListAttempt((n) => n + 1);
                  }}
                >
                  {t('terminal.retry')}
                </Button>
              }
            />
          )}
          {listing.state === 'ready' && tabs.length === 0 && (
            <Result
              status="info"
              title={t('terminal.none')}
              subTitle={canOpen ? undefined : t('terminal.sessionEnded')}
              extra={
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={!canOpen}
                  data-testid="terminal-empty-new"
                  onClick={addTab}
                >
                  {t('terminal.newShell')}
                </Button>
              }
            />
          )}
        </div>
      </div>
    </ConfigProvider>
  );
}
