/** Folder-relative paths: `""` is the root, segments are joined with `/`. */
export function childPath(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

/** The directories from the root down to `path`, each with its full path. */
export function pathCrumbs(path: string): { name: string; path: string }[] {
  const names = path.split('/').filter((name) => name !== '');
  return names.map((name, i) => ({ name, path: names.slice(0, i + 1).join('/') }));
}

/**
 * A host path inside the host directory `dir`, with the separator the
 * picker gave us (a Windows path has backslashes and no forward slashes).
 */
export function hostChildPath(dir: string, name: string): string {
  const separator = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(separator) ? `${dir}${name}` : `${dir}${separator}${name}`;
}

/** Why a new entry name cannot be used, or `null` when it can. `nested` allows `a/b`. */
export function entryNameProblem(name: string, nested: boolean): 'empty' | 'slash' | 'dots' | null {
  if (name.trim() === '') return 'empty';
  const segments = name.split('/');
  if (!nested && segments.length > 1) return 'slash';
  if (segments.some((segment) => segment === '')) return nested ? 'empty' : 'slash';
  if (segments.some((segment) => segment === '.' || segment === '..')) return 'dots';
  return null;
}
