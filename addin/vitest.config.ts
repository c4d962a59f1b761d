import { defineConfig } from 'vitest/config';

// Unit tests for the add-in's pure parts (language, theme, i18n, error mapping). No DOM environment:
// jsdom is not installed, and anything touching the DOM is checked in Chromium instead.
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['addin/src/**/*.test.ts'],
    environment: 'node',
  },
});
