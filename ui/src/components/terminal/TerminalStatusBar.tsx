import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TerminalExit } from '../../api';
import type { TerminalStatus } from '../../hooks/useTerminal';

interface TerminalStatusBarProps {
  status: TerminalStatus;
  /** Whether a new shell may start (the session is running). */
  canOpen: boolean;
  onNewShell: () => void;
  onReconnect: () => void;
}

function useExitText() {
  const { t } = useTranslation();
  return (exit: TerminalExit) =>
    exit.reason !== null
      ? t('terminal.ended', { reason: exit.reason })
      : exit.code !== null
        ? t('terminal.exitedWithCode', { code: exit.code })
        : t('terminal.exited');
}

/** Under a terminal whose shell is not simply running: why, and the one thing to do next. */
export function TerminalStatusBar({ status, canOpen, onNewShell, onReconnect }: TerminalStatusBarProps) {
  const { t } = useTranslation();
  const exitText = useExitText();
  const reconnect = (label: string) => (
    <Button size="small" icon={<ReloadOutlined />} data-testid="terminal-reconnect" onClick={onReconnect}>
      {label}
    </Button>
  );

  switch (status.state) {
    case 'live':
      return null;
    case 'connecting':
      return (
        <Flex gap={8} align="center" style={{ padding: '6px 12px' }} data-testid="terminal-connecting">
          <Spin size="small" />
          <Typography.Text type="secondary">{t('terminal.connecting')}</Typography.Text>
        </Flex>
      );
    case 'exited':
      return (
        <Alert
          banner
          type="info"
          data-testid="terminal-exit"
          title={status.exit ? exitText(status.exit) : t('terminal.exited')}
          description={canOpen ? undefined : t('terminal.sessionEnded')}
          action={
            <Button
              size="small"
              type="primary"
              icon={<PlusOutlined />}
              disabled={!canOpen}
              data-testid="terminal-new-shell"
              onClick={onNewShell}
            >
              {t('terminal.newShell')}
            </Button>
          }
        />
      );
    case 'detached':
      return (
        <Alert
          banner
          type="info"
          data-testid="terminal-detached"
          title={t('terminal.detached')}
          action={reconnect(t('terminal.showHere'))}
        />
      );
    case 'error':
      return (
        <Alert
          banner
          type="error"
          data-testid="terminal-error"
          title={t('terminal.failed')}
          description={status.error?.message}
          action={reconnect(t('terminal.reconnect'))}
        />
      );
  }
}
