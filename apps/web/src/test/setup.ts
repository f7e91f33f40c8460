import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';

// antd in jsdom on a shared 2-core machine: a screen can take seconds to settle.
configure({ asyncUtilTimeout: 15_000 });

// antd reads media queries (responsive columns, grid); jsdom has no matchMedia.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});
class NoResize {
  observe() {}
  unobserve() {}
  disconnect() {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoResize;

afterEach(() => cleanup());
