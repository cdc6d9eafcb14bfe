// Where the lazily loaded engine (entrypoints/content-engine.ts, a web-accessible script) leaves
// its start function for the content script: a slot on the isolated world's global object, which
// the page's own scripts cannot see. Both bundles import this file, so the name is one.

import type { ContentContext } from './context';
import type { Engine, EngineStart } from './engine';

export const ENGINE_SLOT = '__inspectionLensEngine';
/** The engine's file in the extension (listed in web_accessible_resources, wxt.config.ts). */
export const ENGINE_FILE = '/content-engine.js';

export interface EngineModule {
  startEngine(cx: ContentContext, start: EngineStart): Engine;
}

/** Where the early content script leaves the engine's import when it started it (early-engine.ts). */
export const EARLY_IMPORT_SLOT = '__inspectionLensEngineImport';

export interface EarlyImport {
  /** Settles once the engine's script has run (it filled ENGINE_SLOT), or failed to load. */
  done: Promise<unknown>;
  /** What made the early script start it: the URL's path, or the head (title, metadata). */
  by: 'path' | 'head';
  /** performance.now() when the import began, and when it had run. */
  startedAt: number;
  loadedAt?: number;
}
