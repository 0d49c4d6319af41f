import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import jaJP from 'antd/locale/ja_JP';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { themeFor } from './tokens';
import { usePrefersReducedMotion } from './useReducedMotion';
import { useSystemColorScheme } from './useSystemColorScheme';

/** antd theme and locale, kept in step with the OS colour scheme, motion preference and the UI language. */
export function AppThemeProvider({ children }: { children: ReactNode }) {
  const scheme = useSystemColorScheme();
  const reducedMotion = usePrefersReducedMotion();
  const { i18n } = useTranslation();
  const themeConfig = useMemo(() => themeFor(scheme, reducedMotion), [scheme, reducedMotion]);
  const locale = i18n.language === 'ja' ? jaJP : enUS;

  return (
    <ConfigProvider theme={themeConfig} locale={locale}>
      <AntApp>
        {children}
      </AntApp>
    </ConfigProvider>
  );
}
