import { describe, expect, it } from 'vitest';
import { childPath, entryNameProblem, hostChildPath, pathCrumbs } from './entryPaths';

describe('entry paths', () => {
  it('joins folder-relative paths from the root', () => {
    expect(childPath('', 'data')).toBe('data');
    expect(childPath('data/raw', 'a.csv')).toBe('data/raw/a.csv');
  });

  it('lists every ancestor with its full path', () => {
    expect(pathCrumbs('')).toEqual([]);
    expect(pathCrumbs('a/b/c')).toEqual([
      { name: 'a', path: 'a' },
      { name: 'b', path: 'a/b' },
      { name: 'c', path: 'a/b/c' },
    ]);
  });

  it('joins host paths with the separator the picker used', () => {
    expect(hostChildPath('/home/alex/Downloads', 'a.csv')).toBe('/home/alex/Downloads/a.csv');
    expect(hostChildPath('/', 'a.csv')).toBe('/a.csv');
    expect(hostChildPath('C:\\Users\\alex', 'a.csv')).toBe('C:\\Users\\alex\\a.csv');
  });

  it('refuses names that would escape or split the directory', () => {
    expect(entryNameProblem('results', false)).toBeNull();
    expect(entryNameProblem('  ', false)).toBe('empty');
    expect(entryNameProblem('a/b', false)).toBe('slash');
    expect(entryNameProblem('a/b', true)).toBeNull();
    expect(entryNameProblem('a//b', true)).toBe('empty');
    expect(entryNameProblem('..', false)).toBe('dots');
    expect(entryNameProblem('a/../b', true)).toBe('dots');
  });
});
