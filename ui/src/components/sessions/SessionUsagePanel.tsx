import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api';
import { formatBytes } from '../../format';
import { queryKeys } from '../../hooks/queryKeys';

/** How often a running session's usage is sampled while the drawer shows it. */
export const USAGE_INTERVAL_MS = 2000;

interface SessionUsagePanelProps {
  sessionId: string;
  /** CPUs the session may use, so the bar can show the share of its limit. */
  cpus: number;
}

/** Live CPU, memory, network and block I/O of a running session. */
export function SessionUsagePanel({ sessionId, cpus }: SessionUsagePanelProps) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const usage = useQuery({
    queryKey: queryKeys.sessionUsage(sessionId),
    queryFn: () => api.sessionUsage(sessionId),
    refetchInterval: USAGE_INTERVAL_MS,
  });
  const bytes = (n: number) => formatBytes(n, i18n.language);

  if (usage.isError) {
    return (
      <Typography.Text type="secondary" data-testid="session-usage-error">
        {t('sessions.usage.failed')}
      </Typography.Text>
    );
  }
  const sample = usage.data;
  const cpuShare = sample ? Math.min(100, sample.cpu_percent / Math.max(cpus, 0.01)) : 0;
  const memoryShare =
    sample && sample.memory_limit_bytes > 0
      ? Math.min(100, (sample.memory_bytes / sample.memory_limit_bytes) * 100)
      : 0;

  return (
    <Card size="small" data-testid="session-usage" loading={!sample}>
      <Row gutter={[24, 12]}>
        <Col span={12}>
          <Typography.Text type="secondary">{t('sessions.usage.cpu')}</Typography.Text>
          <Progress
            percent={Math.round(cpuShare)}
            size="small"
            data-testid="session-usage-cpu"
            format={() => `${(sample?.cpu_percent ?? 0).toFixed(1)} %`}
          />
        </Col>
        <Col span={12}>
          <Typography.Text type="secondary">{t('sessions.usage.memory')}</Typography.Text>
          <Progress
            percent={Math.round(memoryShare)}
            size="small"
            data-testid="session-usage-memory"
            format={() =>
              sample
                ? `${bytes(sample.memory_bytes)} / ${bytes(sample.memory_limit_bytes)}`
                : ''
            }
          />
        </Col>
        <Col span={12}>
          <Flex vertical>
            <Typography.Text type="secondary">{t('sessions.usage.network')}</Typography.Text>
            <Typography.Text data-testid="session-usage-network">
              {sample
                ? `↓ ${bytes(sample.network_rx_bytes)}  ↑ ${bytes(sample.network_tx_bytes)}`
                : '—'}
            </Typography.Text>
          </Flex>
        </Col>
        <Col span={12}>
          <Flex vertical>
            <Typography.Text type="secondary">{t('sessions.usage.disk')}</Typography.Text>
            <Typography.Text data-testid="session-usage-disk">
              {sample
                ? `${t('sessions.usage.read')} ${bytes(sample.block_read_bytes)} · ${t('sessions.usage.written')} ${bytes(sample.block_write_bytes)}`
                : '—'}
            </Typography.Text>
          </Flex>
        </Col>
      </Row>
    </Card>
  );
}
