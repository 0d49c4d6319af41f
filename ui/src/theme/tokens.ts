import { theme, type ThemeConfig } from 'antd';
import type { ColorScheme } from './useSystemColorScheme';

const shared: ThemeConfig['token'] = {
  colorPrimary: '#2563eb',
  borderRadius: 8,
  fontFamily:
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Hiragino Sans', 'Noto Sans JP', 'Noto Sans CJK JP', 'Yu Gothic UI', Meiryo, sans-serif",
};

/** The antd theme for the OS colour scheme; `reducedMotion` turns antd's animations off. */
export function themeFor(scheme: ColorScheme, reducedMotion = false): ThemeConfig {
  const dark = scheme === 'dark';
  return {
    algorithm: dark ? theme.darkAlgorithm : theme.defaultAlgorithm,
    token: { ...shared, motion: !reducedMotion },
    components: {
      Layout: {
        headerHeight: 56,
        headerPadding: '0 20px',
        headerBg: dark ? '#141414' : '#ffffff',
        siderBg: dark ? '#141414' : '#ffffff',
        bodyBg: dark ? '#000000' : '#f5f6f8',
      },
      Menu: {
        itemBg: 'transparent',
        itemBorderRadius: 8,
        activeBarBorderWidth: 0,
      },
    },
  };
}
