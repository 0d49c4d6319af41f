import { ClearOutlined, DownOutlined, SwapOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTransfers } from './TransferContext';
import { TransferItem } from './TransferItem';
import { isFinished } from './transferList';

/**
 * Floating list of this run's uploads and downloads, bottom right, above
 * drawers so it stays in sight while the explorer is open. It appears with
 * the first transfer and goes once everything has been cleared.
 */
export function TransferPanel() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { transfers, clearFinished } = useTransfers();
  // The user's choice holds until the next transfer starts.
  const [choice, setChoice] = useState<{ id: string; collapsed: boolean } | null>(null);

  const newest = transfers[0];
  if (!newest) return null;
  const running = transfers.filter((transfer) => !isFinished(transfer)).length;
  const finished = transfers.length - running;
  // Once everything has gone well the list folds away, so the panel does
  // not keep covering the page; a failure or a cancel stays in sight.
  const allDone = transfers.every((transfer) => transfer.state === 'done');
  const collapsed = choice?.id === newest.id ? choice.collapsed : allDone;

  return (
    <div
      data-testid="transfer-panel"
      role="region"
      aria-label={t('transfers.title')}
      style={{ position: 'fixed', right: 24, bottom: 24, width: 380, zIndex: 1100 }}
    >
      <Card
        size="small"
        style={{ boxShadow: token.boxShadowSecondary, overflow: 'hidden' }}
        styles={{ body: { padding: 0 } }}
        title={
          <Flex align="center" gap={8}>
            <SwapOutlined />
            <span>{t('transfers.title')}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {running > 0 ? t('transfers.running', { count: running }) : t('transfers.allFinished')}
            </Typography.Text>
          </Flex>
        }
        extra={
          <Flex gap={2}>
            <Tooltip title={t('transfers.clearFinished')}>
              <Button
                type="text"
                size="small"
                aria-label={t('transfers.clearFinished')}
                data-testid="transfer-clear"
                icon={<ClearOutlined />}
                disabled={finished === 0}
                onClick={clearFinished}
              />
            </Tooltip>
            <Tooltip title={collapsed ? t('transfers.expand') : t('transfers.collapse')}>
              <Button
                type="text"
                size="small"
                aria-label={collapsed ? t('transfers.expand') : t('transfers.collapse')}
                aria-expanded={!collapsed}
                data-testid="transfer-toggle"
                icon={collapsed ? <UpOutlined /> : <DownOutlined />}
                onClick={() => {
                  setChoice({ id: newest.id, collapsed: !collapsed });
                }}
              />
            </Tooltip>
          </Flex>
        }
      >
        {!collapsed && (
          <div style={{ maxHeight: 340, overflowY: 'auto', marginTop: -1 }}>
            {transfers.map((transfer) => (
              <TransferItem key={transfer.id} transfer={transfer} />
            ))}
          </div>
        )}
      </Card>
    </div>
  );
}
