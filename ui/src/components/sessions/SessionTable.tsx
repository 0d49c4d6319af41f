import {
  CodeOutlined,
  FileTextOutlined,
  PoweroffOutlined,
  RedoOutlined,
  ThunderboltOutlined,
} from '@ant-design/icons';
import {
  Button,
  Flex,
  Popconfirm,
  Table,
  Tooltip,
  Typography,
  type TableColumnsType,
} from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api';
import { formatAge, formatBytes, formatDateTime } from '../../format';
import { buttonTestId } from '../dialogs/testIds';
import { SessionStatusTag } from './SessionStatusTag';
import { RowTerminalButton } from './TerminalActions';
import { isEnded } from './sessionStatus';
import { useTerminateSession } from './useTerminateSession';

export type DrawerTab = 'overview' | 'logs';

interface SessionTableProps {
  sessions: Session[];
  emptyText: ReactNode;
  onOpen: (session: Session, tab: DrawerTab) => void;
  /** Offers "Relaunch" on ended sessions when given. */
  onRelaunch?: (session: Session) => void;
}

/** CPUs and memory, as asked for. */
export function ResourceSummary({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {t('sessions.resources', {
        cpus: session.spec.cpus,
        memory: formatBytes(session.spec.memory_bytes, i18n.language),
      })}
    </span>
  );
}

/** Asks before ending a live session; `children` is the button. */
export function TerminateConfirm({
  session,
  onConfirm,
  children,
}: {
  session: Session;
  onConfirm: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Popconfirm
      title={t('sessions.terminate.confirmTitle', { name: session.name })}
      description={t('sessions.terminate.confirmBody')}
      okText={t('sessions.terminate.action')}
      okButtonProps={{ ...buttonTestId('confirm-ok'), danger: true }}
      cancelText={t('common.cancel')}
      placement="topRight"
      destroyOnHidden
      onConfirm={onConfirm}
    >
      {children}
    </Popconfirm>
  );
}

export function SessionTable({ sessions, emptyText, onOpen, onRelaunch }: SessionTableProps) {
  const { t, i18n } = useTranslation();
  const { terminate, pending } = useTerminateSession();
  const locale = i18n.language;

  const columns: TableColumnsType<Session> = [
    {
      key: 'name',
      title: t('sessions.columns.name'),
      render: (_, session) => (
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          {session.type === 'batch' ? <ThunderboltOutlined /> : <CodeOutlined />}
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Link
              strong
              ellipsis
              data-testid={`session-open-${session.name}`}
              onClick={() => {
                onOpen(session, 'overview');
              }}
            >
              {session.name}
            </Typography.Link>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {t(`sessions.type.${session.type}`)}
            </Typography.Text>
          </Flex>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('sessions.columns.status'),
      width: 132,
      render: (_, session) => (
        <SessionStatusTag session={session} testId={`session-status-${session.name}`} />
      ),
    },
    {
      key: 'image',
      title: t('sessions.columns.image'),
      width: 170,
      render: (_, session) => (
        <Typography.Text ellipsis={{ tooltip: session.image }} style={{ fontSize: 13 }}>
          {session.image}
        </Typography.Text>
      ),
    },
    {
      key: 'mounts',
      title: t('sessions.columns.mounts'),
      width: 180,
      render: (_, session) =>
        session.mounts.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical>
            {session.mounts.map((mount) => (
              <Typography.Text
                key={mount.target}
                ellipsis={{ tooltip: `${mount.folder} → ${mount.target}` }}
                style={{ fontSize: 12, fontFamily: 'var(--berth-mono, monospace)' }}
              >
                {mount.target}
              </Typography.Text>
            ))}
          </Flex>
        ),
    },
    {
      key: 'resources',
      title: t('sessions.columns.resources'),
      width: 120,
      render: (_, session) => <ResourceSummary session={session} />,
    },
    {
      key: 'age',
      title: t('sessions.columns.age'),
      width: 100,
      render: (_, session) => (
        <Tooltip title={formatDateTime(session.created_at, locale)}>
          <span style={{ whiteSpace: 'nowrap' }}>{formatAge(session.created_at, locale)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'actions',
      title: <span className="visually-hidden">{t('storage.columns.actions')}</span>,
      width: 104,
      align: 'right',
      render: (_, session) => (
        <Flex gap={2} justify="flex-end">
          <Tooltip title={t('sessions.actions.logs')}>
            <Button
              type="text"
              size="small"
              aria-label={t('sessions.actions.logs')}
              data-testid={`session-logs-${session.name}`}
              icon={<FileTextOutlined />}
              onClick={() => {
                onOpen(session, 'logs');
              }}
            />
          </Tooltip>
          {onRelaunch && isEnded(session.status) && (
            <Tooltip title={t('sessions.relaunch.tooltip')}>
              <Button
                type="text"
                size="small"
                aria-label={t('sessions.relaunch.tooltip')}
                data-testid={`session-relaunch-${session.name}`}
                icon={<RedoOutlined />}
                onClick={() => {
                  onRelaunch(session);
                }}
              />
            </Tooltip>
          )}
          {!isEnded(session.status) && <RowTerminalButton session={session} />}
          {!isEnded(session.status) && (
            <TerminateConfirm
              session={session}
              onConfirm={() => {
                terminate(session);
              }}
            >
              {/* Popconfirm needs a child that takes a ref, so no tooltip wrapper here. */}
              <Button
                type="text"
                size="small"
                danger
                aria-label={t('sessions.terminate.action')}
                title={t('sessions.terminate.action')}
                data-testid={`session-terminate-${session.name}`}
                icon={<PoweroffOutlined />}
                loading={
                  session.status === 'TERMINATING' ||
                  pending === session.id
                }
              />
            </TerminateConfirm>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Table<Session>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={sessions}
      tableLayout="fixed"
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      locale={{ emptyText }}
      onRow={(session) =>
        ({ 'data-testid': `session-row-${session.name}` }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
