import { useEffect, useEffectEvent } from 'react';

/** An `Api` event subscription: resolves, once listening, with the function that stops it. */
export type Subscribe<T> = (handler: (payload: T) => void) => Promise<() => void>;

/**
 * Listens to a backend event while the component is mounted. `handler`
 * always sees the latest render's values without resubscribing. Listening
 * starts asynchronously, so an unmount before it has started still stops
 * it once it does.
 */
export function useBackendEvent<T>(subscribe: Subscribe<T>, handler: (payload: T) => void) {
  const onEvent = useEffectEvent(handler);
  useEffect(() => {
    let active = true;
    let stop: (() => void) | undefined;
    subscribe((payload) => {
      if (active) onEvent(payload);
    })
      .then((unlisten) => {
        if (active) stop = unlisten;
        else unlisten();
      })
      .catch((reason: unknown) => {
        // Nothing the user can act on: the view still works, it only stops
        // following changes made elsewhere.
        console.warn('Could not listen for a backend event', reason);
      });
    return () => {
      active = false;
      stop?.();
    };
  }, [subscribe]);
}
