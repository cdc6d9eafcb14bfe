// Timing marks for `npm run bench` and `npm run profile:page`. A mark must never break the
// work it times: a page can replace `performance`, and a browser can refuse a mark's detail.
export function markTime(name: string, detail?: unknown): void {
  try {
    if (detail === undefined) performance.mark(name);
    else performance.mark(name, { detail });
  } catch {
    /* timing is optional */
  }
}
