import { CaretRightOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Session } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { LauncherModal } from '../components/launcher/LauncherModal';
import { SessionDrawer } from '../components/sessions/SessionDrawer';
import { SessionTable, type DrawerTab } from '../components/sessions/SessionTable';
import { SESSION_PARAM, TAB_PARAM, drawerFromParams } from '../components/sessions/sessionLink';
import { isEnded } from '../components/sessions/sessionStatus';
import { useSessions } from '../hooks/useSessions';

type SessionTab = 'running' | 'finished';

function SessionsEmpty() {
  const { t } = useTranslation();
  return (
    <div data-testid="sessions-empty">
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        style={{ paddingBlock: 48 }}
        description={
          <>
            <Typography.Title level={5} style={{ marginTop: 0 }}>
              {t('sessions.empty.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ maxWidth: 460, margin: '0 auto' }}>
              {t('sessions.empty.body')}
            </Typography.Paragraph>
          </>
        }
      />
    </div>
  );
}

export function SessionsPage() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const [tab, setTab] = useState<SessionTab>('running');
  // Open, with the session to relaunch (null for a fresh launch), or closed.
  const [launcher, setLauncher] = useState<{ from: Session | null } | null>(null);
  // The drawer is in the URL, so a notification can open it from anywhere.
  const [params, setParams] = useSearchParams();
  const drawer = drawerFromParams(params);
  // The last id outlives closing, so the drawer keeps its content while it slides away.
  const [shownId, setShownId] = useState(drawer.id);
  if (drawer.id !== null && drawer.id !== shownId) setShownId(drawer.id);

  const all = sessions.data ?? [];
  const running = all.filter((session) => !isEnded(session.status));
  const finished = all.filter((session) => isEnded(session.status));
  // Moving within the page replaces the entry: the drawer is not a place to go back to.
  const showDrawer = (id: string | null, drawerTab: DrawerTab) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        if (id === null) {
          next.delete(SESSION_PARAM);
          next.delete(TAB_PARAM);
        } else {
          next.set(SESSION_PARAM, id);
          next.set(TAB_PARAM, drawerTab);
        }
        return next;
      },
      { replace: true },
    );
  };
  const open = (session: Session, drawerTab: DrawerTab) => {
    showDrawer(session.id, drawerTab);
  };
  const relaunch = (session: Session) => {
    setLauncher({ from: session });
  };

  const body = (() => {
    if (sessions.isPending) return <Skeleton active paragraph={{ rows: 3 }} />;
    if (sessions.isError) return <ErrorAlert title={t('sessions.failed')} error={sessions.error} />;
    if (all.length === 0) return <SessionsEmpty />;
    const tabLabel = (key: SessionTab, count: number) => (
      <span data-testid={`sessions-tab-${key}`}>
        {t(`sessions.tabs.${key}`)}{' '}
        <Badge count={count} showZero color={key === 'running' ? 'blue' : 'gray'} size="small" />
      </span>
    );
    return (
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(key) => {
          setTab(key as SessionTab);
        }}
        items={[
          {
            key: 'running',
            label: tabLabel('running', running.length),
            children: (
              <SessionTable sessions={running} emptyText={t('sessions.noneRunning')} onOpen={open} />
            ),
          },
          {
            key: 'finished',
            label: tabLabel('finished', finished.length),
            children: (
              <SessionTable
                sessions={finished}
                emptyText={t('sessions.noneFinished')}
                onOpen={open}
                onRelaunch={relaunch}
              />
            ),
          },
        ]}
      />
    );
  })();

  return (
    <div data-testid="page-sessions">
      <PageHeader
        title={t('sessions.title')}
        subtitle={t('sessions.subtitle')}
        extra={
          <Button
            type="primary"
            icon={<CaretRightOutlined />}
            data-testid="start-session"
            onClick={() => {
              setLauncher({ from: null });
            }}
          >
            {t('sessions.start')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: all.length === 0 ? undefined : 8 } }}>{body}</Card>
      {launcher && (
        <LauncherModal
          from={launcher.from ?? undefined}
          onLaunched={() => {
            setTab('running');
          }}
          onClosed={() => {
            setLauncher(null);
          }}
        />
      )}
      <SessionDrawer
        id={shownId}
        open={drawer.id !== null}
        tab={drawer.tab}
        onTabChange={(drawerTab) => {
          showDrawer(drawer.id, drawerTab);
        }}
        onClose={() => {
          showDrawer(null, 'overview');
        }}
        onRelaunch={(session) => {
          // The launcher takes over; the drawer would only sit behind it.
          showDrawer(null, 'overview');
          relaunch(session);
        }}
      />
    </div>
  );
}
