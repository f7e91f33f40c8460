import { afterAll, afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import { message } from 'antd';

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

afterEach(async () => {
  cleanup();
  // A form's saved toast is antd's static message, in a root of its own that cleanup() does not
  // unmount: closed here, while the window still exists (its 3-second timer fired after the test
  // file's jsdom was gone, as "window is not defined").
  message.destroy();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

// React work still scheduled when a file ends (an unmounting toast root, a dialog's leave motion)
// ran after the file's jsdom was torn down and threw 'window is not defined', blamed on whichever
// file the worker ran next: let it finish while the window exists.
afterAll(async () => {
  await new Promise((resolve) => setTimeout(resolve, 300));
});
