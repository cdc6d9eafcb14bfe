// Sites where the reader paused Inspection Lens (from the side panel): by host name, kept in
// storage.local under PAUSED_SITES_KEY. The content script does nothing on a paused site.
export { PAUSED_SITES_KEY } from './storage-keys';

/** The stored list, cleaned: host names only, each once (anything else is ignored). */
export function parsePausedSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return [...new Set(raw.filter((h): h is string => typeof h === 'string' && /^[a-z0-9.:[\]-]{1,253}$/i.test(h)))];
}

/** The site a page's URL belongs to (its host name), or null for anything but http(s). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function isPaused(raw: unknown, site: string | null): boolean {
  return site !== null && parsePausedSites(raw).includes(site);
}

/** The list with `site` paused or resumed. */
export function withSitePaused(raw: unknown, site: string, paused: boolean): string[] {
  const rest = parsePausedSites(raw).filter((h) => h !== site);
  return paused ? [...rest, site] : rest;
}
