import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Skeleton, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Folder } from '../../api';
import { useFolders } from '../../hooks/useFolders';
import { ErrorAlert } from '../ErrorAlert';
import { FolderTable } from './FolderTable';
import { PurgeFolderModal } from './PurgeFolderModal';
import { RenameFolderModal } from './RenameFolderModal';
import { FOLDER_TABS, foldersInTab, matchesSearch, type FolderTab } from './folderTabs';

interface FolderSectionProps {
  tab: FolderTab;
  onTabChange: (tab: FolderTab) => void;
  onCreate: () => void;
}

function NoFolders({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <div data-testid="storage-empty">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        style={{ paddingBlock: 32 }}
        description={
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('storage.folders.empty.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ maxWidth: 460, margin: '0 auto' }}>
              {t('storage.folders.empty.body')}
            </Typography.Paragraph>
          </>
        }
      >
        <Button icon={<PlusOutlined />} onClick={onCreate}>
          {t('storage.create.button')}
        </Button>
      </Empty>
    </div>
  );
}

function TabLabel({ tab, count }: { tab: FolderTab; count: number }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <span data-testid={`storage-tab-${tab}`}>
      {t(`storage.tabs.${tab}`)}
      <span
        style={{
          marginInlineStart: 6,
          padding: '0 6px',
          borderRadius: 10,
          fontSize: 12,
          background: token.colorFillSecondary,
          color: token.colorTextSecondary,
        }}
      >
        {count}
      </span>
    </span>
  );
}

/** The folders of the current project, by tab, with their actions. */
export function FolderSection({ tab, onTabChange, onCreate }: FolderSectionProps) {
  const { t } = useTranslation();
  const ready = useFolders(false);
  const trashed = useFolders(true);
  const [search, setSearch] = useState('');
  const [renaming, setRenaming] = useState<Folder | null>(null);
  const [purging, setPurging] = useState<Folder | null>(null);

  const title = t('storage.folders.title');
  if (ready.isError) return <ErrorAlert title={title} error={ready.error} />;
  if (trashed.isError) return <ErrorAlert title={title} error={trashed.error} />;
  if (ready.isPending || trashed.isPending) {
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  }
  if (ready.data.length === 0 && trashed.data.length === 0) {
    return (
      <Card title={title}>
        <NoFolders onCreate={onCreate} />
      </Card>
    );
  }

  const inTab = foldersInTab(tab, ready.data, trashed.data);
  const shown = inTab.filter((folder) => matchesSearch(folder, search));
  const emptyText =
    inTab.length > 0 ? t('storage.folders.noMatch', { search }) : t(`storage.folders.emptyTab.${tab}`);

  return (
    <Card
      title={title}
      activeTabKey={tab}
      onTabChange={(key) => {
        onTabChange(key as FolderTab);
      }}
      tabList={FOLDER_TABS.map((key) => ({
        key,
        label: <TabLabel tab={key} count={foldersInTab(key, ready.data, trashed.data).length} />,
      }))}
      tabProps={{ size: 'middle' }}
      extra={
        <Flex gap={8}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder={t('storage.folders.search')}
            aria-label={t('storage.folders.search')}
            data-testid="folder-search"
            value={search}
            style={{ width: 220 }}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
          <Tooltip title={t('storage.folders.refresh')}>
            <Button
              aria-label={t('storage.folders.refresh')}
              icon={<ReloadOutlined spin={ready.isFetching || trashed.isFetching} />}
              onClick={() => {
                void ready.refetch();
                void trashed.refetch();
              }}
            />
          </Tooltip>
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      <FolderTable
        folders={shown}
        trash={tab === 'trash'}
        emptyText={emptyText}
        onRename={setRenaming}
        onPurge={setPurging}
      />
      {renaming && (
        <RenameFolderModal
          folder={renaming}
          onClosed={() => {
            setRenaming(null);
          }}
        />
      )}
      {purging && (
        <PurgeFolderModal
          folder={purging}
          onClosed={() => {
            setPurging(null);
          }}
        />
      )}
    </Card>
  );
}
