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
