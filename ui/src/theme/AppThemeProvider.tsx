import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { themeFor } from './tokens';
import { useSystemColorScheme } from './useSystemColorScheme';

/** antd theme and locale, kept in step with the OS colour scheme and the UI language. */
export function AppThemeProvider({ children }: { children: ReactNode }) {
  const scheme = useSystemColorScheme();
  const { i18n } = useTranslation();
  const themeConfig = useMemo(() => themeFor(scheme), [scheme]);
  const locale = i18n.language === 'ja' ? jaJP : enUS;

  return (
    <ConfigProvider theme={themeConfig} locale={locale}>
      <AntApp>
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
