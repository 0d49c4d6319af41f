import { BulbOutlined, MoonOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Select, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAppInfo } from '../hooks/useAppInfo';
import { useLanguage } from '../hooks/useLanguage';
import { LANGUAGES, type Language } from '../i18n';
import { useSystemColorScheme } from '../theme/useSystemColorScheme';

function LanguageCard() {
  const { t } = useTranslation();
  const [language, setLanguage] = useLanguage();
  return (
    <Card title={t('settings.language.title')}>
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Typography.Text type="secondary">{t('settings.language.description')}</Typography.Text>
        <Select<Language>
          data-testid="language-selector"
          aria-label={t('settings.language.title')}
          value={language}
          style={{ width: 200 }}
          options={LANGUAGES.map((code) => ({ value: code, label: t(`languages.${code}`) }))}
          onChange={(next) => {
            void setLanguage(next);
          }}
        />
      </Flex>
    </Card>
  );
}

function AppearanceCard() {
  const { t } = useTranslation();
  const scheme = useSystemColorScheme();
  return (
    <Card title={t('settings.appearance.title')}>
      <Flex align="center" gap={12}>
        {scheme === 'dark' ? <MoonOutlined /> : <BulbOutlined />}
        <div>
          <div>{t('settings.appearance.followsSystem')}</div>
          <Typography.Text type="secondary" data-testid="color-scheme">
            {t('settings.appearance.current', { mode: t(`settings.appearance.${scheme}`) })}
          </Typography.Text>
        </div>
      </Flex>
    </Card>
  );
}

function AboutCard() {
  const { t } = useTranslation();
  const info = useAppInfo();

  let body;
  if (info.isPending) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (info.isError) {
    body = <ErrorAlert title={t('settings.about.title')} error={info.error} />;
  } else {
    body = (
      <Descriptions
        data-testid="about"
        column={1}
        size="small"
        bordered
        styles={{ label: { width: 200 } }}
        items={[
          { key: 'version', label: t('settings.about.version'), children: info.data.version },
          {
            key: 'data-dir',
            label: t('settings.about.dataDir'),
            children: <Typography.Text copyable>{info.data.data_dir}</Typography.Text>,
          },
          {
            key: 'database',
            label: t('settings.about.databasePath'),
            children: <Typography.Text copyable>{info.data.database_path}</Typography.Text>,
          },
          {
            key: 'schema',
            label: t('settings.about.schemaVersion'),
            children: info.data.schema_version,
          },
        ]}
      />
    );
  }
  return <Card title={t('settings.about.title')}>{body}</Card>;
}

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-settings">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <Flex vertical gap={16}>
        <LanguageCard />
        <AppearanceCard />
        <AboutCard />
      </Flex>
    </div>
  );
}
