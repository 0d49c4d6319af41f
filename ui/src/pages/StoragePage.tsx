import { HddOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Progress, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HostUsage, StorageHost } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { CreateFolderModal } from '../components/storage/CreateFolderModal';
import { FolderSection } from '../components/storage/FolderSection';
import { tabOf, type FolderTab } from '../components/storage/folderTabs';
import { formatBytes, formatDate } from '../format';
import { useStorageHosts } from '../hooks/useStorageHosts';

function HostUsageSummary({ usage }: { usage: HostUsage | null }) {
  const { t, i18n } = useTranslation();
  if (usage === null) {
    return (
      <Typography.Text type="warning" style={{ fontSize: 12, textAlign: 'end' }}>
        {t('storage.hosts.usageUnknown')}
      </Typography.Text>
    );
  }
  const percent = usage.total_bytes > 0 ? (usage.used_bytes / usage.total_bytes) * 100 : 0;
  return (
    <>
      <Typography.Text style={{ fontSize: 12 }}>
        {t('storage.hosts.free', {
          free: formatBytes(usage.free_bytes, i18n.language),
          total: formatBytes(usage.total_bytes, i18n.language),
        })}
      </Typography.Text>
      {/* Turns red when nearly full: sessions writing to a full disk fail in odd ways. */}
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        status={percent >= 90 ? 'exception' : 'normal'}
        style={{ width: 160, margin: 0 }}
      />
    </>
  );
}

function StorageHostRow({ host, first }: { host: StorageHost; first: boolean }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex
      data-testid="storage-host"
      align="center"
      gap={16}
      style={{
        padding: '10px 0',
        borderTop: first ? undefined : `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <HddOutlined style={{ fontSize: 20, color: token.colorPrimary }} />
      <Flex vertical style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong>{host.name}</Typography.Text>
        {/* Wrapped, not truncated: the full path is what people need to find it. */}
        <Typography.Text type="secondary" copyable style={{ wordBreak: 'break-all' }}>
          {host.path}
        </Typography.Text>
      </Flex>
      <Flex vertical align="flex-end" style={{ flex: 'none', width: 220 }}>
        <HostUsageSummary usage={host.usage} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('storage.hosts.added', { date: formatDate(host.created_at, i18n.language) })}
        </Typography.Text>
      </Flex>
    </Flex>
  );
}

function StorageHosts() {
  const { t } = useTranslation();
  const hosts = useStorageHosts();

  if (hosts.isPending) return <Skeleton active paragraph={{ rows: 1 }} style={{ paddingBlock: 12 }} />;
  if (hosts.isError) {
    return (
      <div style={{ paddingBlock: 12 }}>
        <ErrorAlert title={t('storage.hosts.title')} error={hosts.error} />
      </div>
    );
  }
  if (hosts.data.length === 0) {
    return (
      <Typography.Paragraph type="secondary" style={{ marginBlock: 12 }}>
        {t('storage.hosts.empty')}
      </Typography.Paragraph>
    );
  }
  return (
    <div>
      {hosts.data.map((host, i) => (
        <StorageHostRow key={host.name} host={host} first={i === 0} />
      ))}
    </div>
  );
}

export function StoragePage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<FolderTab>('general');
  const [creating, setCreating] = useState(false);
  const create = () => {
    setCreating(true);
  };

  return (
    <div data-testid="page-storage">
      <PageHeader
        title={t('storage.title')}
        subtitle={t('storage.subtitle')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="create-folder" onClick={create}>
            {t('storage.create.button')}
          </Button>
        }
      />
      <Flex vertical gap={16}>
        <Card
          size="small"
          title={
            <Flex align="baseline" gap={12} style={{ paddingBlock: 4 }}>
              <span>{t('storage.hosts.title')}</span>
              <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }}>
                {t('storage.hosts.description')}
              </Typography.Text>
            </Flex>
          }
          styles={{ body: { paddingBlock: 0 } }}
        >
          <StorageHosts />
        </Card>
        <FolderSection tab={tab} onTabChange={setTab} onCreate={create} />
      </Flex>
      {creating && (
        <CreateFolderModal
          onCreated={(folder) => {
            // Show the new folder where it lives.
            setTab(tabOf(folder));
          }}
          onClosed={() => {
            setCreating(false);
          }}
        />
      )}
    </div>
  );
}
