import { ReloadOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Typography, theme } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionLogs } from '../../hooks/useSessions';
import { ErrorAlert } from '../ErrorAlert';

/** The session's output, newest at the bottom, fetched again on request. */
export function SessionLogs({ id }: { id: string }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const logs = useSessionLogs(id, true);
  const view = useRef<HTMLPreElement>(null);

  // Each fetch lands at the end, where the newest lines are.
  useEffect(() => {
    if (view.current) view.current.scrollTop = view.current.scrollHeight;
  }, [logs.data]);

  return (
    <Flex vertical gap={12} style={{ height: '100%' }}>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{t('sessions.logs.hint')}</Typography.Text>
        <Button
          icon={<ReloadOutlined />}
          data-testid="session-logs-refresh"
          loading={logs.isFetching}
          onClick={() => void logs.refetch()}
        >
          {t('sessions.logs.refresh')}
        </Button>
      </Flex>
      {logs.isError && <ErrorAlert title={t('sessions.logs.failed')} error={logs.error} />}
      {logs.data === '' ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sessions.logs.empty')} />
      ) : (
        <pre
          ref={view}
          data-testid="session-logs"
          style={{
            flex: 1,
            minHeight: 240,
            margin: 0,
            padding: 12,
            overflow: 'auto',
            fontFamily: token.fontFamilyCode,
            fontSize: 12,
            lineHeight: 1.5,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
            background: token.colorFillQuaternary,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadius,
          }}
        >
          {logs.data}
        </pre>
      )}
    </Flex>
  );
}
