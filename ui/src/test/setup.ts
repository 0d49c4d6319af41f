import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import i18n from '../i18n';
import { installMatchMedia, resetMatchMedia } from './matchMedia';

installMatchMedia();

// jsdom has no layout, so there is never anything to observe; antd only
// needs the constructor to exist.
class NoopResizeObserver implements ResizeObserver {
  observe = (): void => undefined;
  unobserve = (): void => undefined;
  disconnect = (): void => undefined;
}
window.ResizeObserver = NoopResizeObserver;

// jsdom logs "not implemented" for pseudo-element styles, which antd asks
// for when measuring scrollbars; the element's own style is close enough.
const originalGetComputedStyle = window.getComputedStyle.bind(window);
window.getComputedStyle = (element: Element) => originalGetComputedStyle(element);

beforeEach(async () => {
  window.localStorage.clear();
  window.location.hash = '';
  resetMatchMedia();
  await i18n.changeLanguage('en');
});

afterEach(() => {
  cleanup();
});
