import { CaretRightOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { LauncherModal } from '../components/launcher/LauncherModal';
import { SessionDrawer } from '../components/sessions/SessionDrawer';
import { SessionTable, type DrawerTab } from '../components/sessions/SessionTable';
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
  const [launching, setLaunching] = useState(false);
  // The id outlives closing, so the drawer keeps its content while it slides away.
  const [drawer, setDrawer] = useState<{ id: string | null; open: boolean; tab: DrawerTab }>({
    id: null,
    open: false,
    tab: 'overview',
  });

  const all = sessions.data ?? [];
  const running = all.filter((session) => !isEnded(session.status));
  const finished = all.filter((session) => isEnded(session.status));
  const open = (session: Session, drawerTab: DrawerTab) => {
    setDrawer({ id: session.id, open: true, tab: drawerTab });
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
              <SessionTable sessions={finished} emptyText={t('sessions.noneFinished')} onOpen={open} />
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
              setLaunching(true);
            }}
          >
            {t('sessions.start')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingTop: all.length === 0 ? undefined : 8 } }}>{body}</Card>
      {launching && (
        <LauncherModal
          onLaunched={() => {
            setTab('running');
          }}
          onClosed={() => {
            setLaunching(false);
          }}
        />
      )}
      <SessionDrawer
        id={drawer.id}
        open={drawer.open}
        tab={drawer.tab}
        onTabChange={(drawerTab) => {
          setDrawer((previous) => ({ ...previous, tab: drawerTab }));
        }}
        onClose={() => {
          setDrawer((previous) => ({ ...previous, open: false }));
        }}
      />
    </div>
  );
}
