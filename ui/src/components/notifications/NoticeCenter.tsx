import {
  BellOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  CodeOutlined,
  ExclamationCircleFilled,
  FileTextOutlined,
  FlagFilled,
  InfoCircleOutlined,
} from '@ant-design/icons';
import {
  App as AntApp,
  Badge,
  Button,
  Empty,
  Flex,
  Popover,
  Skeleton,
  Tooltip,
  Typography,
  theme,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, type SessionNotice } from '../../api';
import { formatAge, formatDateTime } from '../../format';
import { useClearNotices, useNotices } from '../../hooks/useNotices';
import { ErrorAlert } from '../ErrorAlert';
import { useOpenSession } from '../sessions/sessionLink';
import { loadSeen, saveSeen, unreadCount } from './noticeSeen';

const LIST_WIDTH = 380;

function NoticeIcon({ notice }: { notice: SessionNotice }) {
  const { token } = theme.useToken();
  if (notice.kind === 'ready') return <CheckCircleFilled style={{ color: token.colorSuccess }} />;
  if (notice.kind === 'failed') return <CloseCircleFilled style={{ color: token.colorError }} />;
  // A batch job that exited non-zero ended, but not well.
  return notice.exit_code !== null && notice.exit_code !== 0 ? (
    <ExclamationCircleFilled style={{ color: token.colorWarning }} />
  ) : (
    <FlagFilled style={{ color: token.colorInfo }} />
  );
}

/** The notice's second line: what the desktop notification's body says. */
function noticeDetail(notice: SessionNotice, t: ReturnType<typeof useTranslation>['t']): string {
  if (notice.kind === 'ready') return t('notifications.body.ready');
  if (notice.kind === 'ended') {
    return notice.exit_code === null
      ? t('notifications.body.ended')
      : t('notifications.body.exitCode', { code: notice.exit_code });
  }
  return notice.reason ?? t('notifications.body.failed');
}

interface NoticeItemProps {
  notice: SessionNotice;
  /** Runs the notice's action; the list closes. */
  onAction: (notice: SessionNotice) => void;
}

function NoticeItem({ notice, onAction }: NoticeItemProps) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  const action: Record<SessionNotice['kind'], { label: string; icon: ReactNode }> = {
    ready: { label: t('notifications.actions.openTerminal'), icon: <CodeOutlined /> },
    ended: { label: t('notifications.actions.openLogs'), icon: <FileTextOutlined /> },
    failed: { label: t('notifications.actions.details'), icon: <InfoCircleOutlined /> },
  };
  const { label, icon } = action[notice.kind];
  const name = notice.session_name;
  return (
    <Flex
      component="li"
      gap={12}
      align="flex-start"
      data-testid={`notice-${notice.kind}-${name}`}
      data-kind={notice.kind}
      style={{ padding: '10px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
    >
      <span style={{ fontSize: 16, lineHeight: '22px' }}>
        <NoticeIcon notice={notice} />
      </span>
      <Flex vertical style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong ellipsis={{ tooltip: name }}>
          {t(`notifications.title.${notice.kind}`, { name })}
        </Typography.Text>
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, overflowWrap: 'anywhere' }}
          data-testid="notice-detail"
        >
          {noticeDetail(notice, t)}
        </Typography.Text>
        <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
          <Tooltip title={formatDateTime(notice.at, i18n.language)}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatAge(notice.at, i18n.language)}
            </Typography.Text>
          </Tooltip>
          <Button
            size="small"
            type="link"
            icon={icon}
            data-testid={`notice-action-${notice.kind}-${name}`}
            onClick={() => {
              onAction(notice);
            }}
          >
            {label}
          </Button>
        </Flex>
      </Flex>
    </Flex>
  );
}

interface NoticeListProps {
  notices: ReturnType<typeof useNotices>;
  onAction: (notice: SessionNotice) => void;
}

function NoticeList({ notices, onAction }: NoticeListProps) {
  const { t } = useTranslation();
  if (notices.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  if (notices.isError) {
    return <ErrorAlert title={t('notifications.failed')} error={notices.error} />;
  }
  if (notices.data.length === 0) {
    return (
      <div data-testid="notice-empty">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('notifications.empty')}
          style={{ marginBlock: 16 }}
        />
      </div>
    );
  }
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0, maxHeight: 420, overflowY: 'auto' }}>
      {notices.data.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} onAction={onAction} />
      ))}
    </ul>
  );
}

/**
 * The header's bell: how many notices arrived since the list was last
 * opened, and the list itself, with the desktop notifications' actions.
 * Mounted once, in the layout, so it hears every notice.
 */
export function NoticeCenter() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const api = useApi();
  const notices = useNotices();
  const clear = useClearNotices();
  const openSession = useOpenSession();
  const [open, setOpen] = useState(false);
  const [seen, setSeen] = useState(loadSeen);

  const all = notices.data ?? [];
  // What arrives while the list is open is seen as it arrives.
  const unread = open ? 0 : unreadCount(all, seen);

  const markSeen = () => {
    // Before the first list arrives there is nothing to see, and saving
    // the empty list would forget what was seen before a reload.
    if (notices.data) setSeen(saveSeen(notices.data));
  };
  const changeOpen = (next: boolean) => {
    // Both ways: opening sees what is there, closing what came meanwhile.
    markSeen();
    setOpen(next);
  };
  const act = (notice: SessionNotice) => {
    changeOpen(false);
    if (notice.kind === 'ready') {
      api.openTerminalWindow(notice.session_id).catch((error: unknown) => {
        const text = error instanceof Error ? error.message : String(error);
        void message.error(t('notifications.terminalFailed', { message: text }));
      });
    } else {
      openSession(notice.session_id, notice.kind === 'ended' ? 'logs' : 'overview');
    }
  };

  return (
    <Popover
      open={open}
      onOpenChange={changeOpen}
      trigger="click"
      placement="bottomRight"
      destroyOnHidden
      title={
        <Flex justify="space-between" align="center">
          <span>{t('notifications.title.list')}</span>
          {all.length > 0 && (
            <Button
              size="small"
              type="text"
              data-testid="notice-clear"
              loading={clear.isPending}
              onClick={() => {
                clear.mutate(undefined, {
                  onError: (error) => {
                    void message.error(t('notifications.clearFailed', { message: error.message }));
                  },
                });
              }}
            >
              {t('notifications.clearAll')}
            </Button>
          )}
        </Flex>
      }
      content={
        <div data-testid="notice-list" style={{ width: LIST_WIDTH }}>
          <NoticeList notices={notices} onAction={act} />
        </div>
      }
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          shape="circle"
          icon={<BellOutlined />}
          aria-label={
            unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')
          }
          data-testid="notice-bell"
          data-unread={unread}
        />
      </Badge>
    </Popover>
  );
}
