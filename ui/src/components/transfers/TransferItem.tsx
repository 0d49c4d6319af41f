import { CloseOutlined, CloudDownloadOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Collapse, Flex, Progress, Tooltip, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TransferState, TransferUpdate } from '../../api';
import { formatBytes, formatRate } from '../../format';
import { useTransfers } from './TransferContext';
import { percentDone } from './transferList';

const PROGRESS_STATUS: Record<TransferState, 'active' | 'success' | 'exception' | 'normal'> = {
  running: 'active',
  done: 'success',
  failed: 'exception',
  cancelled: 'normal',
};

export function TransferItem({ transfer }: { transfer: TransferUpdate }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const { message } = AntApp.useApp();
  const { cancel } = useTransfers();
  const locale = i18n.language;
  const running = transfer.state === 'running';
  const upload = transfer.direction === 'upload';

  const detail = running ? (transfer.current ?? t('transfers.preparing')) : t(`transfers.state.${transfer.state}`);

  return (
    <div
      data-testid={`transfer-${transfer.id}`}
      data-state={transfer.state}
      style={{ padding: '10px 14px', borderTop: `1px solid ${token.colorBorderSecondary}` }}
    >
      <Flex align="center" gap={10}>
        <span style={{ fontSize: 18, color: upload ? token.colorPrimary : token.colorSuccess }}>
          {upload ? <CloudUploadOutlined /> : <CloudDownloadOutlined />}
        </span>
        <Flex vertical style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong ellipsis>
            {t(upload ? 'transfers.uploadTo' : 'transfers.downloadFrom', { folder: transfer.folder })}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis={{ tooltip: detail }} style={{ fontSize: 12 }}>
            {detail}
          </Typography.Text>
        </Flex>
        {running && (
          <Tooltip title={t('transfers.cancel')}>
            <Button
              type="text"
              size="small"
              aria-label={t('transfers.cancel')}
              data-testid={`transfer-cancel-${transfer.id}`}
              icon={<CloseOutlined />}
              onClick={() => {
                cancel(transfer.id).catch((error: unknown) => {
                  void message.error((error as Error).message);
                });
              }}
            />
          </Tooltip>
        )}
      </Flex>
      <Progress
        percent={percentDone(transfer)}
        status={PROGRESS_STATUS[transfer.state]}
        size="small"
        style={{ margin: '4px 0 0' }}
      />
      <Flex justify="space-between" gap={8} style={{ fontSize: 12, color: token.colorTextSecondary }}>
        <span>
          {t('transfers.bytes', {
            done: formatBytes(transfer.bytes_done, locale),
            total: formatBytes(transfer.bytes_total, locale),
          })}
          {' · '}
          {t('transfers.files', { done: transfer.files_done, total: transfer.files_total })}
        </span>
        {running && transfer.rate > 0 && <span>{formatRate(transfer.rate, locale)}</span>}
      </Flex>
      {transfer.error && (
        <Typography.Text type="danger" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {transfer.error.message}
        </Typography.Text>
      )}
      {transfer.skipped.length > 0 && (
        <Collapse
          ghost
          size="small"
          style={{ marginInline: -16, marginTop: 2 }}
          items={[
            {
              key: 'skipped',
              label: (
                <Typography.Text type="warning" style={{ fontSize: 12 }}>
                  {t('transfers.skipped', { count: transfer.skipped.length })}
                </Typography.Text>
              ),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 18, fontSize: 12 }}>
                  {transfer.skipped.map((skipped) => (
                    <li key={skipped.path} style={{ wordBreak: 'break-all' }}>
                      <Typography.Text code style={{ fontSize: 12 }}>
                        {skipped.path}
                      </Typography.Text>{' '}
                      <Typography.Text type="secondary">{skipped.reason}</Typography.Text>
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
