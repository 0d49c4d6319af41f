import { useSyncExternalStore } from 'react';

const REDUCE_QUERY = '(prefers-reduced-motion: reduce)';

function reduceQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia(REDUCE_QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const query = reduceQuery();
  if (!query) return () => undefined;
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}

/** Whether the OS asks apps to keep animation to a minimum. */
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribe, () => reduceQuery()?.matches ?? false, () => false);
}
