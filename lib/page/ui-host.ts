// The in-page UI host: one element at the end of <html> holding an open shadow root, fixed and
// zero-sized so it never shifts the page's layout; page styles cannot reach in, ours cannot leak.

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  mount: HTMLElement;
  remove(): void;
}

export const UI_HOST_TAG = 'inspection-lens-ui';

export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement(UI_HOST_TAG);
  host.setAttribute(
    'style',
    'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;',
  );
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  root.append(style, mount);
  doc.documentElement.appendChild(host);
  return { host, root, mount, remove: () => host.remove() };
}
