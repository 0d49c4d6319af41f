import { Flex, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirEntry, DirPage, SortKey } from '../../api';
import { formatBytes, formatDateTime } from '../../format';
import { EntryIcon } from './EntryIcon';
import { PAGE_SIZE } from './useFolderContents';

interface EntryTableProps {
  page: DirPage | undefined;
  loading: boolean;
  sort: SortKey;
  descending: boolean;
  pageNumber: number;
  selected: string[];
  emptyText: ReactNode;
  onSelect: (names: string[]) => void;
  onSort: (sort: SortKey, descending: boolean) => void;
  onPage: (page: number) => void;
  onOpen: (entry: DirEntry) => void;
}

/**
 * One page of a directory, in the order the backend returned it
 * (directories first); sorting and paging ask the backend again.
 */
export function EntryTable({
  page,
  loading,
  sort,
  descending,
  pageNumber,
  selected,
  emptyText,
  onSelect,
  onSort,
  onPage,
  onOpen,
}: EntryTableProps) {
  const { t, i18n } = useTranslation();
  const orderOf = (key: SortKey): SortOrder => {
    if (sort !== key) return null;
    return descending ? 'descend' : 'ascend';
  };

  const columns: TableColumnsType<DirEntry> = [
    {
      key: 'name',
      title: t('explorer.columns.name'),
      sorter: true,
      sortOrder: orderOf('name'),
      ellipsis: true,
      render: (_, entry) => (
        <Flex align="center" gap={10} style={{ minWidth: 0 }}>
          <span style={{ fontSize: 16, flex: 'none', display: 'inline-flex' }}>
            <EntryIcon entry={entry} />
          </span>
          <Typography.Link
            ellipsis
            data-testid={`explorer-open-${entry.name}`}
            style={{ color: 'inherit' }}
            onClick={() => {
              onOpen(entry);
            }}
          >
            {entry.name}
          </Typography.Link>
        </Flex>
      ),
    },
    {
      key: 'size',
      title: t('explorer.columns.size'),
      width: 120,
      align: 'right',
      sorter: true,
      sortOrder: orderOf('size'),
      render: (_, entry) =>
        entry.kind === 'dir' ? (
          <Typography.Text type="secondary">-</Typography.Text>
        ) : (
          formatBytes(entry.size, i18n.language)
        ),
    },
    {
      key: 'modified',
      title: t('explorer.columns.modified'),
      width: 200,
      sorter: true,
      sortOrder: orderOf('modified'),
      render: (_, entry) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {formatDateTime(entry.modified, i18n.language)}
        </Typography.Text>
      ),
    },
  ];

  const onChange: TableProps<DirEntry>['onChange'] = (pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') {
      onPage(pagination.current ?? 1);
      return;
    }
    if (extra.action !== 'sort' || Array.isArray(sorter)) return;
    const key = sorter.columnKey as SortKey | undefined;
    if (key === undefined || !sorter.order) onSort('name', false);
    else onSort(key, sorter.order === 'descend');
  };

  return (
    <Table<DirEntry>
      rowKey="name"
      size="middle"
      tableLayout="fixed"
      columns={columns}
      dataSource={page?.entries ?? []}
      loading={loading}
      sortDirections={['ascend', 'descend', 'ascend']}
      showSorterTooltip={false}
      locale={{ emptyText }}
      onChange={onChange}
      pagination={{
        current: pageNumber,
        pageSize: PAGE_SIZE,
        total: page?.total ?? 0,
        showSizeChanger: false,
        hideOnSinglePage: true,
        size: 'small',
      }}
      rowSelection={{
        selectedRowKeys: selected,
        onChange: (keys) => {
          onSelect(keys.map(String));
        },
        getCheckboxProps: (entry) => ({
          'data-testid': `explorer-select-${entry.name}`,
          'aria-label': entry.name,
        }),
      }}
      onRow={(entry) =>
        ({
          'data-testid': `explorer-row-${entry.name}`,
          onDoubleClick: () => {
            onOpen(entry);
          },
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
