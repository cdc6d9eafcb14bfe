import fs from 'node:fs';
import path from 'node:path';
import preact from '@preact/preset-vite';
import type { PluginOption } from 'vite';
import { defineConfig } from 'wxt';

// The toolbar (16/32 px) and store/management page (48/128 px) icons, drawn by scripts/make-icons.ts.
const ICONS = { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' };

/** The engine's bundle (lib/content/engine-slot.ts ENGINE_FILE) and V8's whole-file compile hint. */
const ENGINE_BUNDLE = 'content-engine.js';
/** The engine's second part (lib/content/engine-slot.ts READER_FILE), imported by the first. */
const READER_BUNDLE = 'content-reader.js';
const EARLY_BUNDLE = 'early.js';
/** The content script (entrypoints/content/, built as a plain script). */
const CONTENT_BUNDLE = 'content.js';
const EVERY_PAGE = ['http://*/*', 'https://*/*'];
const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

const UNLISTED_ENTRY = 'virtual:wxt-unlisted-script-entrypoint?';

/**
 * The every-page scripts (early.js, content.js) call their `main` straight away: WXT's runner for
 * an unlisted script wraps it in its plugins' start, a try/catch and a logger that does nothing in
 * a production build (about 0.3 KB in each file, compiled on every page; issue 15, stop 24).
 * An error still reaches the page's console uncaught, as before. Vite resolves this plugin before
 * WXT's own (enforce: 'pre').
 */
function plainStart(): PluginOption {
  return {
    name: 'inspection-lens:plain-start',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(UNLISTED_ENTRY) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${UNLISTED_ENTRY}`)) return null;
      const input = JSON.stringify(id.slice(UNLISTED_ENTRY.length + 1));
      return `import definition from ${input};\ndefinition.main();\n`;
    },
  };
}

// WXT configuration: the folders stay at the top level (srcDir '.') and every entry point
// uses the promise-based `browser` from webextension-polyfill.
export default defineConfig({
  srcDir: '.',
  // IL_OUT_DIR builds elsewhere than .output (the profiling scripts' unminified builds), so a
  // bench that reuses .output never measures a profiled build by mistake.
  ...(process.env.IL_OUT_DIR ? { outDir: process.env.IL_OUT_DIR } : {}),
  modules: ['@wxt-dev/webextension-polyfill'],
  // IL_PROFILE=1 keeps function names in the bundle for CPU profiles (`npm run profile:page`).
  // IL_SOURCEMAP=1 writes source maps (scripts/engine-composition.ts reads them).
  vite: () => ({
    plugins: [preact()],
    build: {
      // The browsers the extension is for (Firefox's strict_min_version below; Chromium with the
      // side panel API): no -webkit- copies of rules they read unprefixed. The early script carries
      // the highlights' `::highlight()` rules, compiled on every page that looks like an article.
      cssTarget: ['chrome116', 'firefox142'],
      ...(process.env.IL_PROFILE ? { minify: false } : {}),
      ...(process.env.IL_SOURCEMAP ? { sourcemap: true } : {}),
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Inspection Lens',
    description:
      "Finds Ofsted inspection grades, councils and improvement areas in news about children's services, and keeps your clips.",
    permissions: ['storage', 'contextMenus'],
    // The early script (entrypoints/early.ts) at document_start and the content script
    // (entrypoints/content/) at document_idle, on every page: plain scripts, not WXT content
    // scripts (the `entrypoints:found` hook below says why). No CSS on every page: the highlights'
    // styles are added by the engine where it draws (lib/page/highlight-styles.ts; listed here,
    // their `::highlight()` rules made every style recalculation of every page slower).
    content_scripts: [
      { matches: EVERY_PAGE, js: [EARLY_BUNDLE], run_at: 'document_start' },
      { matches: EVERY_PAGE, js: [CONTENT_BUNDLE], run_at: 'document_idle' },
    ],
    commands: {
      'clip-selection': {
        suggested_key: { default: 'Alt+Shift+C' },
        description: 'Save the selected text as a clip',
      },
    },
    icons: ICONS,
    // The content script's engine, imported by the content script only on pages that may be
    // articles (lib/content/loader.ts). Chrome gives it a new URL each browser start, so a site
    // cannot probe for it; Firefox's moz-extension host is already random per install.
    web_accessible_resources: [
      {
        resources: [ENGINE_BUNDLE, READER_BUNDLE],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    action: { default_title: 'Inspection Lens', default_icon: ICONS },
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
  hooks: {
    // entrypoints/content/ is built as a plain (unlisted) script, listed by the manifest above:
    // WXT's content-script wrapper (its context's classes, a document event, an abort controller,
    // a location watcher, an async start) ran on every page; the script has its own small context
    // (lib/content/script-context.ts).
    'entrypoints:found': (_wxt, infos) => {
      for (const info of infos)
        if (info.name === 'content' && info.type === 'content-script') info.type = 'unlisted-script';
    },
    // The engine is imported as a module, which Chromium parses off the main thread while it loads
    // (script streaming). V8's explicit compile hint makes that background parse compile every
    // function too, so the engine's first run on an article does not stop to compile each function
    // it calls on the page's main thread (issue 15: about 40% less main-thread work on a typical
    // article; `npm run bench:page`). The every-page scripts carry it too: on a page that is not an
    // article they call most of their functions once, and V8 compiled each one on its first call
    // (about 45 compiles, 1 to 1.4 ms of CPU in a trace); compiled with the script, they cost about
    // 0.6 ms more at the start and save more than that (issue 15, stop 24; docs/performance.md).
    // Other browsers read it as a comment.
    'build:done': (wxt) => {
      for (const file of [ENGINE_BUNDLE, READER_BUNDLE, EARLY_BUNDLE, CONTENT_BUNDLE]) {
        const bundle = path.join(wxt.config.outDir, file);
        if (!fs.existsSync(bundle)) continue;
        const code = fs.readFileSync(bundle, 'utf8');
        if (!code.startsWith(COMPILE_HINT)) fs.writeFileSync(bundle, `${COMPILE_HINT}\n${code}`);
      }
    },
    // The content scripts that run on every page, and the engine they import, use the browser's
    // own extension API, not the polyfill (lib/content/native-browser.ts says why): it is about
    // 3 KB gzipped per script, and the engine would wrap the API again on every article.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (
        !entrypoints.every(
          (e) =>
            e.type === 'content-script' || ['content', 'content-engine', 'content-reader', 'early'].includes(e.name),
        )
      )
        return;
      const native = {
        find: /^wxt\/browser$/,
        replacement: path.resolve(import.meta.dirname, 'lib/content/native-browser.ts'),
      };
      // The every-page scripts start their `main` with no WXT runner around it (plainStart).
      if (entrypoints.some((e) => e.name === 'content' || e.name === 'early'))
        config.plugins = [plainStart(), ...(config.plugins ?? [])];
      config.resolve ??= {};
      const alias = config.resolve.alias ?? [];
      config.resolve.alias = [
        native,
        ...(Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }))),
      ];
    },
  },
  zip: { excludeSources: ['.output/**', 'node_modules/**', 'test-results/**', '.wxt/**'] },
});
