import { ProjectOutlined } from '@ant-design/icons';
import { App as AntApp, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentProject, useProjects, useSetCurrentProject } from '../hooks/useProjects';

export function ProjectSelector() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const projects = useProjects();
  const current = useCurrentProject();
  const switchProject = useSetCurrentProject();

  const currentName = current.data?.name;
  // Show the requested project while the switch is in flight so the control
  // doesn't snap back to the old value for a moment.
  const value = switchProject.isPending ? switchProject.variables : currentName;

  const names = new Set((projects.data ?? []).map((project) => project.name));
  if (currentName !== undefined) names.add(currentName);
  const options = [...names].map((name) => ({ value: name, label: name }));

  const loadError = projects.error ?? current.error;

  return (
    <Tooltip
      title={loadError ? t('header.projectsFailed', { message: loadError.message }) : null}
    >
      <Select
        data-testid="project-selector"
        aria-label={t('header.project')}
        prefix={<ProjectOutlined />}
        placeholder={t('header.projectPlaceholder')}
        value={value}
        options={options}
        loading={projects.isPending || current.isPending || switchProject.isPending}
        disabled={switchProject.isPending}
        status={loadError ? 'error' : undefined}
        popupMatchSelectWidth={false}
        style={{ width: 220 }}
        onChange={(name: string) => {
          if (name === currentName) return;
          switchProject.mutate(name, {
            onSuccess: (project) => {
              void message.success(t('header.projectSwitched', { name: project.name }));
            },
            onError: (error) => {
              void message.error(t('header.projectSwitchFailed', { message: error.message }));
            },
          });
        }}
      />
    </Tooltip>
  );
}
