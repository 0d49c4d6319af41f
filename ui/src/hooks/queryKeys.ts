export const queryKeys = {
  engineStatus: ['engine-status'] as const,
  appInfo: ['app-info'] as const,
  projects: ['projects'] as const,
  currentProject: ['current-project'] as const,
  storageHosts: ['storage-hosts'] as const,
};
