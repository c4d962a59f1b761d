import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { precompressFolder } from './precompressAssets';

const root = fileURLToPath(new URL('.', import.meta.url));
const page = (name: string): string => fileURLToPath(new URL(name, import.meta.url));

// Three HTML pages, one bundle of React code:
// - index.html: the Teams personal tab (contentUrl carries ?host=teams&locale={locale}) and the plain browser.
// - taskpane.html: the Outlook task pane. It loads Office.js through the literal %OFFICE_JS_URL% placeholder,
//   which the service replaces at serve time (Microsoft's CDN in production, the npm copy locally). Vite only
//   replaces %NAME% when NAME is a defined env variable, and OFFICE_JS_URL is not one (no VITE_ prefix), so the
//   placeholder reaches dist/ intact (`vite-ignore` keeps Vite from trying to bundle the script); a build check
//   below fails loudly if that ever changes.
// - auth-redirect.html: MSAL's popup redirect target. msal-browser 4 reads the response from the popup's URL
//   by polling it from the opener, so this page must load no script that could rewrite or clear the hash.
export default defineConfig({
  root,
  base: '/',
  plugins: [
    react(),
    {
      name: 'keep-office-js-placeholder',
      apply: 'build',
      enforce: 'post',
      generateBundle(_options, bundle) {
        const taskpane = bundle['taskpane.html'];
        if (taskpane && taskpane.type === 'asset' && !String(taskpane.source).includes('%OFFICE_JS_URL%')) {
          this.error('taskpane.html lost its %OFFICE_JS_URL% placeholder');
        }
      },
    },
    {
      // Hashed assets are served with year-long caching; compressing them once here spares the service the work.
      name: 'precompress-assets',
      apply: 'build',
      writeBundle(options) {
        precompressFolder(join(options.dir ?? join(root, 'dist'), 'assets'));
      },
    },
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The entry (React, Fluent v9, MSAL, the member's home) stays under 200 kB gzip, checked against this
    // manifest by src/initialBundle.test.ts; the pane's language, the other screens and teams-js load when needed.
    manifest: true,
    chunkSizeWarningLimit: 1_000,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: page('index.html'),
        taskpane: page('taskpane.html'),
        'auth-redirect': page('auth-redirect.html'),
      },
    },
  },
});
