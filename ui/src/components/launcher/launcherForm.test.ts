import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FORM,
  LAUNCHER_STORAGE_KEY,
  SHM_BYTES,
  loadForm,
  maxMemoryGib,
  presetFits,
  saveForm,
  stepOfProblem,
  toRequest,
  type LauncherForm,
} from './launcherForm';

const form: LauncherForm = {
  ...DEFAULT_FORM,
  type: 'batch',
  name: ' train-1 ',
  command: ' python train.py ',
  image: ' python:3.12 ',
  cpus: 2,
  memoryGib: 4,
  ports: [8888],
  mounts: {
    data: { alias: ' /workspace ', readOnly: false },
    gone: { alias: '', readOnly: true },
  },
};

describe('toRequest', () => {
  it('trims the texts, converts memory, and keeps only folders that still exist', () => {
    expect(toRequest(form, ['data', 'other'])).toEqual({
      spec: {
        name: 'train-1',
        type: 'batch',
        image: 'python:3.12',
        command: 'python train.py',
        cpus: 2,
        memory_bytes: 4 * 1024 ** 3,
        shm_bytes: SHM_BYTES,
        env: [],
        ports: [8888],
        gpus: 0,
      },
      mounts: [{ folder: 'data', alias: '/workspace', read_only: false }],
    });
  });

  it('leaves the name to the core when empty, and sends no command for interactive sessions', () => {
    const request = toRequest({ ...form, type: 'interactive', name: '  ' }, []);
    expect(request.spec.name).toBeNull();
    expect(request.spec.command).toBeNull();
    expect(request.mounts).toEqual([]);
  });
});

describe('remembered values', () => {
  it('round-trips through localStorage without the name', () => {
    saveForm(form);
    expect(loadForm()).toEqual({ ...form, name: '' });
  });

  it('falls back to the defaults for missing or malformed values', () => {
    expect(loadForm()).toEqual(DEFAULT_FORM);
    window.localStorage.setItem(LAUNCHER_STORAGE_KEY, '{not json');
    expect(loadForm()).toEqual(DEFAULT_FORM);
    window.localStorage.setItem(LAUNCHER_STORAGE_KEY, JSON.stringify({ ports: [70_000] }));
    expect(loadForm()).toEqual(DEFAULT_FORM);
    window.localStorage.setItem(LAUNCHER_STORAGE_KEY, JSON.stringify({ mounts: { a: 1 } }));
    expect(loadForm()).toEqual(DEFAULT_FORM);
    // Values saved by an older version keep what still fits.
    window.localStorage.setItem(LAUNCHER_STORAGE_KEY, JSON.stringify({ image: 'ubuntu:24.04' }));
    expect(loadForm()).toEqual({ ...DEFAULT_FORM, image: 'ubuntu:24.04' });
  });
});

describe('limits', () => {
  const limits = { cpus: 2, memory_bytes: 6 * 1024 ** 3, nvidia_runtime: false };

  it('offers only the presets the engine can give', () => {
    expect(presetFits('small', limits)).toBe(true);
    expect(presetFits('medium', limits)).toBe(true);
    expect(presetFits('large', limits)).toBe(false);
    expect(presetFits('large', undefined)).toBe(true);
  });

  it('bounds custom memory in whole MiB', () => {
    expect(maxMemoryGib(limits)).toBe(6);
    expect(maxMemoryGib({ ...limits, memory_bytes: 1024 ** 3 + 1000 })).toBe(1);
    expect(maxMemoryGib(undefined)).toBeUndefined();
  });
});

describe('stepOfProblem', () => {
  it('sends each problem to the step that can fix it', () => {
    expect(stepOfProblem({ code: 'command_required', folders: [] })).toBe(0);
    expect(stepOfProblem({ code: 'invalid_image', folders: [] })).toBe(1);
    expect(stepOfProblem({ code: 'alias_reserved', folders: ['data'] })).toBe(2);
    expect(stepOfProblem({ code: 'invalid_port', folders: [] })).toBe(3);
  });
});
