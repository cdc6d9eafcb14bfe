// A per-key sliding-window limit: the background allows a tab at most `max` saves in `windowMs`,
// so that a page cannot fill the store with clips however it tries.

export class RateLimit<K> {
  private readonly hits = new Map<K, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one request for `key` at `now`; false (and not counted) when over the limit. */
  allow(key: K, now = Date.now()): boolean {
    const recent = (this.hits.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.max) {
      this.hits.set(key, recent);
      return false;
    }
    recent.push(now);
    this.hits.set(key, recent);
    return true;
  }

  forget(key: K): void {
    this.hits.delete(key);
  }
}
