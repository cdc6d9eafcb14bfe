// The in-page UI host: one element at the end of <html> holding a shadow root, fixed and
// zero-sized so it never shifts the page's layout; page styles cannot reach in, ours cannot leak.
//
// The host is a plain <div>, not a custom element: a page can define any custom element name
// before we create ours (its constructor would then run on our host, take its shadow root or
// throw), but it cannot redefine <div>. Its inline styles are !important, so the page's own
// !important rules cannot hide or move it. If the page removes it, `attach()` puts it back.

export interface UiHost {
  host: HTMLElement;
  root: ShadowRoot;
  mount: HTMLElement;
  /** Puts the host back at the end of the document if the page took it out. */
  attach(): void;
  remove(): void;
}

/** The attribute that marks our host (the tests and the content script's change filter find it by this). */
export const UI_HOST_ATTR = 'data-inspection-lens-ui';

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['top', '0'],
  ['left', '0'],
  ['width', '0'],
  ['height', '0'],
  ['overflow', 'visible'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['z-index', '2147483647'],
];

export function createUiHost(doc: Document, css: string): UiHost {
  const host = doc.createElement('div');
  host.setAttribute(UI_HOST_ATTR, '');
  for (const [k, v] of HOST_STYLE) host.style.setProperty(k, v, 'important');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = css;
  const mount = doc.createElement('div');
  root.append(style, mount);
  const attach = () => {
    if (!host.isConnected || host.parentNode !== doc.documentElement) doc.documentElement.appendChild(host);
  };
  attach();
  return { host, root, mount, attach, remove: () => host.remove() };
}

/** Whether `n` is a UI host made by createUiHost. */
export function isUiHost(n: Node): boolean {
  return n.nodeType === 1 && (n as Element).tagName === 'DIV' && (n as Element).hasAttribute(UI_HOST_ATTR);
}
