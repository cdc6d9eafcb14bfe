import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// WXT configuration: the folders stay at the top level (srcDir '.') and every entry point
// uses the promise-based `browser` from webextension-polyfill.
export default defineConfig({
  srcDir: '.',
  modules: ['@wxt-dev/webextension-polyfill'],
  // IL_PROFILE=1 keeps function names in the bundle for CPU profiles (`npm run profile:page`).
  vite: () => ({ plugins: [preact()], ...(process.env.IL_PROFILE ? { build: { minify: false } } : {}) }),
  manifest: ({ browser }) => ({
    name: 'Inspection Lens',
    description:
      "Finds Ofsted inspection grades, councils and improvement areas in news about children's services, and keeps your clips.",
    permissions: ['storage', 'contextMenus'],
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Save the selected text as a clip',
      },
    },
    action: { default_title: 'Inspection Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'inspection-lens@example.org',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: { excludeSources: ['.output/**', 'node_modules/**', 'test-results/**', '.wxt/**'] },
});
