import { Flex, Layout, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { BerthLogo } from '../components/BerthLogo';
import { EngineBadge } from '../components/EngineBadge';
import { EngineBanner } from '../components/EngineBanner';
import { ProjectSelector } from '../components/ProjectSelector';
import { NoticeCenter } from '../components/notifications/NoticeCenter';
import { useOpenSessionEvents } from '../components/sessions/sessionLink';
import { useAppInfo } from '../hooks/useAppInfo';
import { NavMenu } from './NavMenu';

const SIDER_WIDTH = 220;
// Lines the project selector up with the page content below it:
// sider + content padding - header padding - gap.
const BRAND_WIDTH = SIDER_WIDTH + 32 - 20 - 16;

function SiderFooter() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, padding: '12px 24px' }}>
      {t('app.name')}
      {info.data ? ` ${info.data.version}` : ''}
    </Typography.Text>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const divider = `1px solid ${token.colorBorderSecondary}`;
  useOpenSessionEvents();

  return (
    <Layout style={{ height: '100vh' }}>
      <Layout.Header
        style={{ display: 'flex', alignItems: 'center', gap: 16, borderBottom: divider }}
      >
        
        <Flex align="center" gap={10} style={{ width: BRAND_WIDTH, flex: 'none' }}>
          <BerthLogo />
          <Typography.Text strong style={{ fontSize: 18, letterSpacing: 0.2 }}>
            {t('app.name')}
          </Typography.Text>
        </Flex>
        <ProjectSelector />
        <div style={{ flex: 1 }} />
        <NoticeCenter />
        <EngineBadge />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={SIDER_WIDTH} style={{ borderInlineEnd: divider }}>
          <Flex vertical justify="space-between" style={{ height: '100%', paddingTop: 12 }}>
            <NavMenu />
            <SiderFooter />
          </Flex>
        </Layout.Sider>
        <Layout.Content style={{ overflow: 'auto', padding: '24px 32px' }}>
          <div style={{ maxWidth: 1040, margin: '0 auto' }}>
            <EngineBanner />
            <Outlet />
          </div>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
