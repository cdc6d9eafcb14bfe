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

/**
 * The engine's second part (entrypoints/content-reader.ts): what the reader needs only once they
 * act (the finding card, the Clip button, re-finding saved clips, the side panel's requests for a
 * finding). The engine imports it once its first run is done (or at the reader's first use), so the
 * first highlights wait only for the first part's compilation (issue 15, stop 25).
 */
export const READER_SLOT = '__inspectionLensReader';
export const READER_FILE = '/content-reader.js';
