import { BulbOutlined, DesktopOutlined, MoonOutlined, SunOutlined } from '@ant-design/icons';
import {
  Card,
  Descriptions,
  Flex,
  InputNumber,
  Segmented,
  Select,
  Skeleton,
  Switch,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalTheme, UiSettings } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { PageHeader } from '../components/PageHeader';
import { useAppInfo } from '../hooks/useAppInfo';
import { useLanguage } from '../hooks/useLanguage';
import { TERMINAL_FONT_SIZE, useSaveSettings, useUiSettings } from '../hooks/useUiSettings';
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

const THEMES: { value: TerminalTheme; icon: ReactNode }[] = [
  { value: 'system', icon: <DesktopOutlined /> },
  { value: 'dark', icon: <MoonOutlined /> },
  { value: 'light', icon: <SunOutlined /> },
];

/** One labelled setting: what it is on the left, its control on the right. */
function SettingRow({
  label,
  help,
  children,
}: {
  label: ReactNode;
  help?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Flex align="center" justify="space-between" gap={16} wrap>
      <div>
        <div>{label}</div>
        {help && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {help}
          </Typography.Text>
        )}
      </div>
      {children}
    </Flex>
  );
}

/**
 * A card of backend-kept settings: loads them, and gives `children` the
 * current values and a way to change some of them. Each card saves on its
 * own, so a refusal shows where the change was made.
 */
function SettingsCard({
  title,
  failedTitle,
  testId,
  children,
}: {
  title: ReactNode;
  failedTitle: ReactNode;
  testId: string;
  children: (settings: UiSettings, change: (patch: Partial<UiSettings>) => void) => ReactNode;
}) {
  const settings = useUiSettings();
  const save = useSaveSettings();
  let body;
  if (settings.isPending) {
    body = <Skeleton active paragraph={{ rows: 2 }} />;
  } else if (settings.isError) {
    body = <ErrorAlert title={title} error={settings.error} />;
  } else {
    const current = settings.data;
    body = (
      <Flex vertical gap={16}>
        {children(current, (patch) => {
          save.mutate({ ...current, ...patch });
        })}
        {save.isError && (
          <ErrorAlert title={failedTitle} error={save.error} testId={`${testId}-error`} />
        )}
      </Flex>
    );
  }
  return (
    <Card title={title} data-testid={testId}>
      {body}
    </Card>
  );
}

function TerminalCard() {
  const { t } = useTranslation();
  return (
    <SettingsCard
      title={t('settings.terminal.title')}
      failedTitle={t('settings.terminal.saveFailed')}
      testId="settings-terminal"
    >
      {(settings, change) => (
        <>
          <Typography.Text type="secondary">{t('settings.terminal.description')}</Typography.Text>
          <SettingRow
            label={t('settings.terminal.fontSize')}
            help={t('settings.terminal.fontSizeHelp', TERMINAL_FONT_SIZE)}
          >
            <InputNumber
              data-testid="settings-terminal-font-size"
              aria-label={t('settings.terminal.fontSize')}
              min={TERMINAL_FONT_SIZE.min}
              max={TERMINAL_FONT_SIZE.max}
              precision={0}
              suffix="px"
              value={settings.terminal_font_size}
              style={{ width: 120 }}
              onChange={(value) => {
                // Cleared, or the same again: nothing to save.
                if (value === null || value === settings.terminal_font_size) return;
                change({ terminal_font_size: value });
              }}
            />
          </SettingRow>
          <SettingRow label={t('settings.terminal.theme')}>
            <Segmented<TerminalTheme>
              data-testid="settings-terminal-theme"
              aria-label={t('settings.terminal.theme')}
              value={settings.terminal_theme}
              options={THEMES.map(({ value, icon }) => ({
                value,
                icon,
                label: (
                  <span data-testid={`settings-terminal-theme-${value}`}>
                    {t(`settings.terminal.themes.${value}`)}
                  </span>
                ),
              }))}
              onChange={(value) => {
                change({ terminal_theme: value });
              }}
            />
          </SettingRow>
        </>
      )}
    </SettingsCard>
  );
}

function NotificationsCard() {
  const { t } = useTranslation();
  return (
    <SettingsCard
      title={t('settings.notifications.title')}
      failedTitle={t('settings.notifications.saveFailed')}
      testId="settings-notifications"
    >
      {(settings, change) => (
        <>
          <SettingRow
            label={t('settings.notifications.desktop')}
            help={t('settings.notifications.desktopHelp')}
          >
            <Switch
              data-testid="settings-desktop-notifications"
              aria-label={t('settings.notifications.desktop')}
              checked={settings.desktop_notifications}
              onChange={(checked) => {
                change({ desktop_notifications: checked });
              }}
            />
          </SettingRow>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('settings.notifications.noServer')}
          </Typography.Text>
        </>
      )}
    </SettingsCard>
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
        <TerminalCard />
        <NotificationsCard />
        <AboutCard />
      </Flex>
    </div>
  );
}
