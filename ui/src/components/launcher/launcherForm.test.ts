import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FORM,
  LAUNCHER_STORAGE_KEY,
  SHM_BYTES,
  formFromSession,
  loadForm,
  maxMemoryGib,
  presetFits,
  saveForm,
  stepOfProblem,
  toRequest,
  type LauncherForm,
} from './launcherForm';
import { session } from '../../test/fakeApi';

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

describe('formFromSession', () => {
  const ended = session('train-1', {
    type: 'batch',
    status: 'TERMINATED',
    spec: {
      name: 'train-1',
      type: 'batch',
      image: 'registry.example.com:5000/team/trainer@sha256:abc',
      command: 'python train.py --epochs 3',
      cpus: 3,
      memory_bytes: 6 * 1024 ** 3 + 512 * 1024 ** 2,
      shm_bytes: 256 * 1024 ** 2,
      env: [
        ['TOKEN', 'secret'],
        ['MODE', 'fast'],
      ],
      ports: [8888, 6006],
      gpus: 0,
    },
    mounts: [
      { folder_id: 'f-data', folder: 'data', target: '/workspace', read_only: false },
      { folder_id: 'f-code', folder: 'code', target: '/home/work/code', read_only: true },
      { folder_id: 'f-out', folder: 'out', target: '/home/work/results/out', read_only: false },
    ],
  });

  it('carries over everything the session asked for but its name', () => {
    const relaunch = formFromSession(ended);
    expect(relaunch).toEqual({
      type: 'batch',
      name: '',
      command: 'python train.py --epochs 3',
      image: 'registry.example.com:5000/team/trainer@sha256:abc',
      preset: 'custom',
      cpus: 3,
      memoryGib: 6.5,
      ports: [8888, 6006],
      mounts: {
        data: { alias: '/workspace', readOnly: false },
        code: { alias: '', readOnly: true },
        out: { alias: '/home/work/results/out', readOnly: false },
      },
      env: [
        ['TOKEN', 'secret'],
        ['MODE', 'fast'],
      ],
      shmBytes: 256 * 1024 ** 2,
    });
    // The mounts keep the session's order.
    expect(Object.keys(relaunch.mounts)).toEqual(['data', 'code', 'out']);
  });

  it('asks the core for the same request again, with a generated name', () => {
    const request = toRequest(formFromSession(ended), ['data', 'code', 'out']);
    expect(request.spec).toEqual({ ...ended.spec, name: null });
    expect(request.mounts).toEqual([
      { folder: 'data', alias: '/workspace', read_only: false },
      { folder: 'code', alias: '', read_only: true },
      { folder: 'out', alias: '/home/work/results/out', read_only: false },
    ]);
  });

  it('picks the preset the resources match', () => {
    expect(formFromSession(session('s')).preset).toBe('medium');
    const small = session('s', { spec: { ...ended.spec, cpus: 1, memory_bytes: 1024 ** 3 } });
    expect(formFromSession(small).preset).toBe('small');
  });

  it('gives an interactive session without a command an empty one, and copies the arrays', () => {
    const interactive = session('notebook', {
      spec: { ...ended.spec, type: 'interactive', command: null },
    });
    const relaunch = formFromSession(interactive);
    expect(relaunch.type).toBe('interactive');
    expect(relaunch.command).toBe('');
    relaunch.ports.push(1);
    relaunch.env.push(['X', 'y']);
    expect(interactive.spec.ports).toEqual([8888, 6006]);
    expect(interactive.spec.env).toHaveLength(2);
  });
});

describe('remembered values', () => {
  it('round-trips through localStorage without the name', () => {
    saveForm(form);
    expect(loadForm()).toEqual({ ...form, name: '' });
  });

  it("never keeps a relaunch's environment or shared memory", () => {
    saveForm({ ...form, env: [['TOKEN', 'secret']], shmBytes: 1024 ** 3 });
    expect(window.localStorage.getItem(LAUNCHER_STORAGE_KEY)).not.toContain('secret');
    expect(loadForm()).toEqual({ ...form, name: '', env: [], shmBytes: SHM_BYTES });
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
