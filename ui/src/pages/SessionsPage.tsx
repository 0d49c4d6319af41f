import { CaretRightOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Card, Empty, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader';

export function SessionsPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();

  return (
    <div data-testid="page-sessions">
      <PageHeader
        title={t('sessions.title')}
        subtitle={t('sessions.subtitle')}
        extra={
          <Tooltip title={t('sessions.startTooltip')}>
            {/* Enabled on purpose: the launcher is not built yet, and a click
                explaining that beats a dead control. */}
            <Button
              type="primary"
              icon={<CaretRightOutlined />}
              data-testid="start-session"
              onClick={() => {
                void message.info(t('sessions.startComingSoon'));
              }}
            >
              {t('sessions.start')}
            </Button>
          </Tooltip>
        }
      />
      <Card>
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
      </Card>
    </div>
  );
}
