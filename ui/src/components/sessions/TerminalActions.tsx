import { CodeOutlined, DownOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Dropdown, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiError, Session } from '../../api';
import { useSystemTerminalAvailable, useTerminalLaunch } from '../../hooks/useTerminalLaunch';

function useOpenTerminal() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const launch = useTerminalLaunch();
  const onError = (error: ApiError) =>
    void message.error(t('terminal.actions.openFailed', { message: error.message }));
  return {
    openWindow: (session: Session) => {
      launch.window.mutate(session.id, { onError });
    },
    openSystem: (session: Session) => {
      launch.system.mutate(session.id, { onError });
    },
    pending: launch.window.isPending,
  };
}

/**
 * The drawer's terminal button, with "Open in system terminal" beside it
 * when the host has a terminal emulator. Only a running session has a shell
 * to open.
 */
export function DrawerTerminalButton({ session }: { session: Session }) {
  const { t } = useTranslation();
  const available = useSystemTerminalAvailable();
  const { openWindow, openSystem, pending } = useOpenTerminal();
  const running = session.status === 'RUNNING';
  const button = (
    <Button
      type="primary"
      icon={<CodeOutlined />}
      disabled={!running}
      loading={pending}
      data-testid="session-open-terminal"
      onClick={() => {
        openWindow(session);
      }}
    >
      {t('terminal.actions.open')}
    </Button>
  );
  const withMenu = available.data ? (
    <Space.Compact>
      {button}
      <Dropdown
        disabled={!running}
        trigger={['click']}
        placement="bottomRight"
        menu={{
          items: [
            {
              key: 'system',
              label: (
                <span data-testid="session-open-system-terminal">{t('terminal.actions.system')}</span>
              ),
            },
          ],
          onClick: () => {
            openSystem(session);
          },
        }}
      >
        <Button
          type="primary"
          icon={<DownOutlined />}
          disabled={!running}
          aria-label={t('terminal.actions.more')}
          data-testid="session-open-terminal-more"
        />
      </Dropdown>
    </Space.Compact>
  ) : (
    button
  );
  return running ? withMenu : <Tooltip title={t('terminal.actions.notRunning')}>{withMenu}</Tooltip>;
}

/** The sessions table's terminal button for one row. */
export function RowTerminalButton({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { openWindow } = useOpenTerminal();
  const running = session.status === 'RUNNING';
  return (
    <Tooltip title={running ? t('terminal.actions.open') : t('terminal.actions.notRunning')}>
      <Button
        type="text"
        size="small"
        aria-label={t('terminal.actions.open')}
        data-testid={`session-terminal-${session.name}`}
        icon={<CodeOutlined />}
        disabled={!running}
        onClick={() => {
          openWindow(session);
        }}
      />
    </Tooltip>
  );
}
