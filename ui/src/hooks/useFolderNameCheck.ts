import { useEffect, useState } from 'react';
import { useApi, type ApiError } from '../api';

/** How long typing must pause before the name goes to the core for checking. */
export const NAME_CHECK_DELAY_MS = 300;

export type NameCheck =
  | { state: 'empty' }
  | { state: 'unchanged' }
  | { state: 'checking' }
  | { state: 'valid' }
  | { state: 'invalid'; error: ApiError };

/**
 * Live validation of a folder name against the core's rules (characters,
 * reserved names, names already taken), debounced while the user types.
 * `current` is the folder's present name when renaming: it is neither
 * checked nor valid.
 */
export function useFolderNameCheck(name: string, current?: string): NameCheck {
  const api = useApi();
  const [result, setResult] = useState<{ name: string; error: ApiError | null } | null>(null);

  useEffect(() => {
    if (name === '' || name === current) return;
    let live = true;
    const timer = setTimeout(() => {
      api.checkFolderName(name).then(
        () => {
          if (live) setResult({ name, error: null });
        },
        (error: unknown) => {
          // useApi() guarantees an ApiError.
          if (live) setResult({ name, error: error as ApiError });
        },
      );
    }, NAME_CHECK_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, name, current]);

  if (name === '') return { state: 'empty' };
  if (name === current) return { state: 'unchanged' };
  // An answer about an earlier spelling says nothing about this one.
  if (result?.name !== name) return { state: 'checking' };
  return result.error ? { state: 'invalid', error: result.error } : { state: 'valid' };
}
