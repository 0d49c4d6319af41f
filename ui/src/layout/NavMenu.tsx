import { CodeSandboxOutlined, HddOutlined, SettingOutlined } from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

const NAV_ITEMS = [
  { path: '/sessions', key: 'sessions', icon: <CodeSandboxOutlined /> },
  { path: '/storage', key: 'storage', icon: <HddOutlined /> },
  { path: '/settings', key: 'settings', icon: <SettingOutlined /> },
] as const;

export function NavMenu() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = NAV_ITEMS.find((item) => pathname.startsWith(item.path))?.path;

  // A real <Link> in each label means the anchor (which antd stretches over
  // the whole item) performs the navigation, so any click on the item works.
  const items: MenuProps['items'] = NAV_ITEMS.map((item) => ({
    key: item.path,
    icon: item.icon,
    label: (
      <Link to={item.path} data-testid={`nav-${item.key}`}>
        {t(`nav.${item.key}`)}
      </Link>
    ),
  }));

  return (
    <Menu
      mode="inline"
      aria-label={t('nav.label')}
      selectedKeys={selected ? [selected] : []}
      items={items}
      style={{ borderInlineEnd: 'none', paddingInline: 8 }}
    />
  );
}
