type Listener = (event: MediaQueryListEvent) => void;

let prefersDark = false;
// jsdom never finishes CSS animations, so antd dialogs would never finish
// closing; tests run as a user who asked the OS for reduced motion.
const prefersReducedMotion = true;
const lists = new Set<FakeMediaQueryList>();

class FakeMediaQueryList extends EventTarget implements MediaQueryList {
  readonly media: string;
  onchange: ((this: MediaQueryList, event: MediaQueryListEvent) => unknown) | null = null;

  constructor(media: string) {
    super();
    this.media = media;
    lists.add(this);
  }

  get matches(): boolean {
    if (this.media.includes('prefers-color-scheme: dark')) return prefersDark;
    if (this.media.includes('prefers-reduced-motion: reduce')) return prefersReducedMotion;
    return false;
  }

  // The deprecated pair is still called by some libraries.
  addListener(listener: Listener | null): void {
    if (listener) this.addEventListener('change', listener as EventListener);
  }

  removeListener(listener: Listener | null): void {
    if (listener) this.removeEventListener('change', listener as EventListener);
  }
}

/** jsdom has no matchMedia; this one lets tests flip the OS colour scheme. */
export function installMatchMedia(): void {
  window.matchMedia = (query: string) => new FakeMediaQueryList(query);
}

export function setSystemDarkMode(dark: boolean): void {
  prefersDark = dark;
  for (const list of lists) {
    const event = Object.assign(new Event('change'), { matches: list.matches, media: list.media });
    list.dispatchEvent(event);
  }
}

export function resetMatchMedia(): void {
  prefersDark = false;
  lists.clear();
}
