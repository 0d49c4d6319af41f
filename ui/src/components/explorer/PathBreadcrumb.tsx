import { HomeOutlined } from '@ant-design/icons';
import { Breadcrumb, Typography } from 'antd';
import { pathCrumbs } from './entryPaths';

interface PathBreadcrumbProps {
  folder: string;
  path: string;
  onNavigate: (path: string) => void;
}

/** The folder root, then each directory down to the current one; all but the last are links. */
export function PathBreadcrumb({ folder, path, onNavigate }: PathBreadcrumbProps) {
  const crumbs = [{ name: folder, path: '' }, ...pathCrumbs(path)];
  return (
    <Breadcrumb
      data-testid="explorer-breadcrumb"
      items={crumbs.map((crumb, i) => {
        const label = i === 0 ? (
          <>
            <HomeOutlined /> {crumb.name}
          </>
        ) : (
          crumb.name
        );
        const current = i === crumbs.length - 1;
        return {
          key: crumb.path,
          title: current ? (
            <Typography.Text strong>{label}</Typography.Text>
          ) : (
            <Typography.Link
              data-testid={i === 0 ? 'explorer-crumb-root' : undefined}
              onClick={() => {
                onNavigate(crumb.path);
              }}
            >
              {label}
            </Typography.Link>
          ),
        };
      })}
    />
  );
}
