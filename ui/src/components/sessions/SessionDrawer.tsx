import {
  CloseOutlined,
  FolderOutlined,
  PoweroffOutlined,
  RedoOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Result,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Timeline,
  Typography,
  theme,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../api';
import { formatDateTime } from '../../format';
import { useSession, useSessionActions } from '../../hooks/useSessions';
import { useFolderExplorer } from '../explorer/FolderExplorerContext';
import { SessionLogs } from './SessionLogs';
import { ResourceSummary, TerminateConfirm, type DrawerTab } from './SessionTable';
import { SessionStatusTag } from './SessionStatusTag';
import { SessionUsagePanel } from './SessionUsagePanel';
import { DrawerTerminalButton } from './TerminalActions';
import { isEnded } from './sessionStatus';
import { useTerminateSession } from './useTerminateSession';
import { MountAccessTag } from './MountAccessTag';

const DRAWER_WIDTH = 760;

interface SessionDrawerProps {
  /** The session shown. */
  id: string | null;
  open: boolean;
  tab: DrawerTab;
  onTabChange: (tab: DrawerTab) => void;
  onClose: () => void;
  /** Offers "Relaunch" once the session has ended. */
  onRelaunch?: (session: Session) => void;
}

function SessionName({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const { rename } = useSessionActions();
  return (
    <Typography.Title
      level={5}
      data-testid="session-drawer-name"
      style={{ margin: 0 }}
      editable={{
        tooltip: t('sessions.detail.rename'),
        triggerType: ['icon'],
        maxLength: 64,
        onChange: (name) => {
          const trimmed = name.trim();
          if (trimmed === '' || trimmed === session.name) return;
          rename.mutate(
            { id: session.id, name: trimmed },
            {
              onSuccess: () => void message.success(t('sessions.detail.renamed', { name: trimmed })),
              onError: (error) => void message.error(error.message),
            },
          );
        },
      }}
    >
      {session.name}
    </Typography.Title>
  );
}

function MountTable({ session }: { session: Session }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const explorer = useFolderExplorer();
  return (
    <Table
      rowKey="target"
      size="small"
      pagination={false}
      dataSource={session.mounts}
      locale={{ emptyText: t('sessions.detail.noMounts') }}
      onRow={(mount) =>
        ({ 'data-testid': `session-mount-${mount.folder}` }) as HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'folder',
          title: t('sessions.mounts.folder'),
          render: (_, mount) => (
            <Flex align="center" gap={8}>
              <FolderOutlined style={{ color: token.colorPrimary }} />
              <Typography.Link
                data-testid={`session-mount-open-${mount.folder}`}
                onClick={() => {
                  explorer.open(mount.folder);
                }}
              >
                {mount.folder}
              </Typography.Link>
            </Flex>
          ),
        },
        {
          key: 'target',
          title: t('sessions.mounts.target'),
          render: (_, mount) => (
            <Typography.Text code data-testid={`session-mount-target-${mount.folder}`}>
              {mount.target}
            </Typography.Text>
          ),
        },
        {
          key: 'access',
          title: t('sessions.mounts.access'),
          width: 130,
          render: (_, mount) => <MountAccessTag readOnly={mount.read_only} />,
        },
      ]}
    />
  );
}

function Overview({ session }: { session: Session }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={24}>
      <Descriptions
        size="small"
        bordered
        column={2}
        items={[
          {
            key: 'id',
            label: t('sessions.detail.id'),
            span: 2,
            children: (
              <Typography.Text copyable style={{ fontSize: 12, fontFamily: 'monospace' }}>
                {session.id}
              </Typography.Text>
            ),
          },
          { key: 'type', label: t('sessions.detail.type'), children: t(`sessions.type.${session.type}`) },
          {
            key: 'resources',
            label: t('sessions.columns.resources'),
            children: <ResourceSummary session={session} />,
          },
          {
            key: 'image',
            label: t('sessions.columns.image'),
            span: 2,
            children: <Typography.Text code>{session.image}</Typography.Text>,
          },
          {
            key: 'created',
            label: t('sessions.detail.created'),
            children: formatDateTime(session.created_at, locale),
          },
          {
            key: 'ended',
            label: t('sessions.detail.ended'),
            children: session.ended_at ? formatDateTime(session.ended_at, locale) : dash,
          },
          {
            key: 'command',
            label: t('sessions.detail.command'),
            span: 2,
            children: session.spec.command ? (
              <Typography.Text code>{session.spec.command}</Typography.Text>
            ) : (
              dash
            ),
          },
          ...(session.exit_code !== null
            ? [
                {
                  key: 'exit',
                  label: t('sessions.detail.exitCode'),
                  span: 2,
                  children: String(session.exit_code),
                },
              ]
            : []),
          {
            key: 'ports',
            label: t('sessions.detail.ports'),
            span: 2,
            children:
              session.published_ports.length > 0 ? (
                <Flex gap={4} wrap data-testid="session-ports">
                  {session.published_ports.map((port) => (
                    <Tag key={`${port.container_port}-${port.host_ip}`}>
                      {port.container_port} → {port.host_ip}:{port.host_port}
                    </Tag>
                  ))}
                </Flex>
              ) : session.spec.ports.length > 0 ? (
                session.spec.ports.join(', ')
              ) : (
                dash
              ),
          },
        ]}
      />
      {session.status === 'RUNNING' && (
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('sessions.usage.title')}
          </Typography.Title>
          <SessionUsagePanel sessionId={session.id} cpus={session.spec.cpus} />
        </div>
      )}
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('sessions.detail.mounts')}
        </Typography.Title>
        <MountTable session={session} />
      </div>
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {t('sessions.detail.history')}
        </Typography.Title>
        <Timeline
          data-testid="session-history"
          style={{ marginTop: 16 }}
          items={session.history.map((change, i) => ({
            key: i,
            color: change.status === 'ERROR' ? 'red' : change.status === 'RUNNING' ? 'green' : 'blue',
            content: (
              <Flex vertical>
                <span>
                  <Typography.Text strong>{change.status}</Typography.Text>
                  {change.reason && (
                    <Typography.Text type="secondary"> — {change.reason}</Typography.Text>
                  )}
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(change.at, locale)}
                </Typography.Text>
              </Flex>
            ),
          }))}
        />
      </div>
    </Flex>
  );
}

/** The session's details, mounts, history and logs, opened from its name. */
export function SessionDrawer({
  id,
  open,
  tab,
  onTabChange,
  onClose,
  onRelaunch,
}: SessionDrawerProps) {
  const { t } = useTranslation();
  const session = useSession(id);
  const { terminate, pending } = useTerminateSession();
  const data = session.data;

  return (
    <Drawer
      open={open && id !== null}
      onClose={onClose}
      size={DRAWER_WIDTH}
      destroyOnHidden
      aria-label={t('sessions.detail.label')}
      closeIcon={<CloseOutlined data-testid="session-drawer-close" />}
      title={
        data ? (
          <Flex align="center" gap={12} style={{ minWidth: 0 }}>
            <SessionName session={data} />
            <SessionStatusTag session={data} testId="session-drawer-status" />
          </Flex>
        ) : null
      }
      // Room for the session's own actions (the terminal comes here).
      extra={
        <Flex gap={8} data-testid="session-drawer-actions">
          {data && <DrawerTerminalButton session={data} />}
        </Flex>
      }
      footer={
        data && !isEnded(data.status) ? (
          <Flex justify="flex-end">
            <TerminateConfirm
              session={data}
              onConfirm={() => {
                terminate(data);
              }}
            >
              <Button
                danger
                icon={<PoweroffOutlined />}
                data-testid="session-terminate"
                loading={data.status === 'TERMINATING' || pending === data.id}
              >
                {t('sessions.terminate.action')}
              </Button>
            </TerminateConfirm>
          </Flex>
        ) : data && onRelaunch ? (
          <Flex justify="flex-end">
            <Button
              icon={<RedoOutlined />}
              data-testid="session-relaunch"
              title={t('sessions.relaunch.tooltip')}
              onClick={() => {
                onRelaunch(data);
              }}
            >
              {t('sessions.relaunch.action')}
            </Button>
          </Flex>
        ) : null
      }
    >
      <div data-testid="session-drawer" data-session={data?.name}>
      {session.isPending && <Skeleton active />}
      {session.isError && (
        <Result status="warning" title={t('sessions.detail.failed')} subTitle={session.error.message} />
      )}
      {data && (
        <Tabs
          activeKey={tab}
          onChange={(key) => {
            onTabChange(key as DrawerTab);
          }}
          items={[
            {
              key: 'overview',
              label: <span data-testid="session-drawer-tab-overview">{t('sessions.detail.overview')}</span>,
              children: <Overview session={data} />,
            },
            {
              key: 'logs',
              label: <span data-testid="session-drawer-tab-logs">{t('sessions.detail.logs')}</span>,
              children: <SessionLogs id={data.id} />,
            },
          ]}
        />
      )}
      </div>
    </Drawer>
  );
}
