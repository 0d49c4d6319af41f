import type { EngineLimits, LaunchRequest, MountRequest, Session, SessionType } from '../../api';

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** Docker's own default, which the launcher does not ask about. */
export const SHM_BYTES = 64 * MIB;

export type PresetName = 'small' | 'medium' | 'large' | 'custom';

/** Resource presets: CPUs and memory in GiB. */
export const PRESETS: Record<Exclude<PresetName, 'custom'>, { cpus: number; memoryGib: number }> = {
  small: { cpus: 1, memoryGib: 1 },
  medium: { cpus: 2, memoryGib: 4 },
  large: { cpus: 4, memoryGib: 8 },
};

/** A ticked folder: where it goes, and whether to mount it read-only. */
export interface MountChoice {
  alias: string;
  readOnly: boolean;
}

/** Everything the launcher's steps edit. */
export interface LauncherForm {
  type: SessionType;
  name: string;
  command: string;
  image: string;
  preset: PresetName;
  cpus: number;
  memoryGib: number;
  ports: number[];
  /** Ticked folders by name, in the order they were ticked. */
  mounts: Record<string, MountChoice>;
  /**
   * Environment variables, in order. No step edits them: only a relaunch
   * carries a session's variables over, and the summary shows them.
   */
  env: [string, string][];
  /** Shared memory; no step edits it either, for the same reason. */
  shmBytes: number;
}

export const DEFAULT_FORM: LauncherForm = {
  type: 'interactive',
  name: '',
  command: '',
  image: '',
  preset: 'small',
  cpus: PRESETS.small.cpus,
  memoryGib: PRESETS.small.memoryGib,
  ports: [],
  mounts: {},
  env: [],
  shmBytes: SHM_BYTES,
};

export const LAUNCHER_STORAGE_KEY = 'berth.launcher';

/**
 * The values of the last launch, so the next one starts from them. The
 * name is not kept: two live sessions may not share one. Neither are the
 * environment and shared memory, which no step shows until the summary:
 * a relaunch's variables (often tokens) must not end up in localStorage,
 * nor silently in the next unrelated launch.
 */
export function loadForm(storage: Storage = window.localStorage): LauncherForm {
  try {
    const saved = JSON.parse(storage.getItem(LAUNCHER_STORAGE_KEY) ?? 'null') as unknown;
    if (typeof saved !== 'object' || saved === null) return DEFAULT_FORM;
    const form: Record<string, unknown> = { ...DEFAULT_FORM, ...saved, name: '' };
    // Anything malformed falls back to the default rather than breaking the dialog.
    return isForm(form) ? form : DEFAULT_FORM;
  } catch {
    return DEFAULT_FORM;
  }
}

export function saveForm(form: LauncherForm, storage: Storage = window.localStorage): void {
  const kept = { ...form, name: '', env: DEFAULT_FORM.env, shmBytes: DEFAULT_FORM.shmBytes };
  storage.setItem(LAUNCHER_STORAGE_KEY, JSON.stringify(kept));
}

function isForm(form: Record<string, unknown>): form is LauncherForm & Record<string, unknown> {
  const mounts = form.mounts;
  return (
    (form.type === 'interactive' || form.type === 'batch') &&
    typeof form.command === 'string' &&
    typeof form.image === 'string' &&
    ['small', 'medium', 'large', 'custom'].includes(form.preset as string) &&
    typeof form.cpus === 'number' &&
    typeof form.memoryGib === 'number' &&
    Array.isArray(form.ports) &&
    Array.isArray(form.env) &&
    form.env.every(
      (pair: unknown) =>
        Array.isArray(pair) &&
        pair.length === 2 &&
        pair.every((part: unknown) => typeof part === 'string'),
    ) &&
    typeof form.shmBytes === 'number' &&
    form.ports.every((port: unknown) => isPort(port)) &&
    typeof mounts === 'object' &&
    mounts !== null &&
    Object.values(mounts as Record<string, unknown>).every((choice) => {
      const { alias, readOnly } = (choice ?? {}) as Partial<MountChoice>;
      return typeof alias === 'string' && typeof readOnly === 'boolean';
    })
  );
}

export function isPort(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65_535;
}

/** Whether a preset fits in what the engine has. */
export function presetFits(preset: Exclude<PresetName, 'custom'>, limits: EngineLimits | undefined) {
  if (!limits) return true;
  const { cpus, memoryGib } = PRESETS[preset];
  return cpus <= limits.cpus && memoryGib * GIB <= limits.memory_bytes;
}

/** The most memory the custom input offers, in GiB (whole MiB). */
export function maxMemoryGib(limits: EngineLimits | undefined): number | undefined {
  return limits ? Math.floor(limits.memory_bytes / MIB) / 1024 : undefined;
}

/**
 * The request the form describes. Only folders in `available` are mounted:
 * a remembered pick of a folder since deleted is dropped, not refused.
 */
export function toRequest(form: LauncherForm, available: readonly string[]): LaunchRequest {
  const mounts: MountRequest[] = Object.entries(form.mounts)
    .filter(([folder]) => available.includes(folder))
    .map(([folder, choice]) => ({ folder, alias: choice.alias.trim(), read_only: choice.readOnly }));
  // Interactive sessions run no command of their own; a batch one's is kept.
  const command = form.type === 'batch' ? form.command.trim() : '';
  return {
    spec: {
      name: form.name.trim() === '' ? null : form.name.trim(),
      type: form.type,
      image: form.image.trim(),
      command: command === '' ? null : command,
      cpus: form.cpus,
      memory_bytes: Math.round(form.memoryGib * 1024) * MIB,
      shm_bytes: form.shmBytes,
      env: form.env,
      ports: form.ports,
      gpus: 0,
    },
    mounts,
  };
}

/** Where a folder lands when its alias is empty; the core's default. */
const defaultTarget = (folder: string) => `/home/work/${folder}`;

/**
 * The form that launches `session` again: same type, command, image,
 * resources, environment, ports and mounts. The name is left empty for the
 * core to generate, since the old one may still be taken. A mount at the
 * default place gets an empty alias, any other keeps its absolute target,
 * which the core takes as is.
 */
export function formFromSession(session: Session): LauncherForm {
  const { spec } = session;
  const memoryGib = spec.memory_bytes / GIB;
  const preset =
    (Object.keys(PRESETS) as Exclude<PresetName, 'custom'>[]).find(
      (name) => PRESETS[name].cpus === spec.cpus && PRESETS[name].memoryGib === memoryGib,
    ) ?? 'custom';
  const mounts: Record<string, MountChoice> = {};
  for (const mount of session.mounts) {
    mounts[mount.folder] = {
      alias: mount.target === defaultTarget(mount.folder) ? '' : mount.target,
      readOnly: mount.read_only,
    };
  }
  return {
    type: spec.type,
    name: '',
    command: spec.command ?? '',
    image: spec.image,
    preset,
    cpus: spec.cpus,
    memoryGib,
    ports: [...spec.ports],
    mounts,
    env: spec.env.map(([key, value]) => [key, value]),
    shmBytes: spec.shm_bytes,
  };
}

/** Which step shows each problem code that names no folder. */
export const STEP_OF_CODE: Record<string, number> = {
  invalid_session_name: 0,
  command_required: 0,
  invalid_env: 0,
  invalid_image: 1,
  cpus_out_of_range: 1,
  memory_out_of_range: 1,
  shm_out_of_range: 1,
  gpus_unavailable: 1,
  invalid_port: 3,
};

/** The step a problem belongs to: folder problems to Data & storage. */
export function stepOfProblem(problem: { code: string; folders: string[] }): number {
  if (problem.folders.length > 0) return 2;
  return STEP_OF_CODE[problem.code] ?? 2;
}
