// Vitest 5 reports failures with Map.groupBy (Node >= 21); these machines run Node 20.
// Loaded from the vitest configs so failure reports print instead of crashing the reporter.
const M = Map as unknown as { groupBy?: unknown };
if (typeof M.groupBy !== 'function') {
  M.groupBy = <T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> => {
    const out = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const list = out.get(k);
      if (list) list.push(item);
      else out.set(k, [item]);
    }
    return out;
  };
}
const O = Object as unknown as { groupBy?: unknown };
if (typeof O.groupBy !== 'function') {
  O.groupBy = <T>(items: Iterable<T>, key: (item: T, index: number) => PropertyKey) => {
    const out: Record<PropertyKey, T[]> = Object.create(null);
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      out[k] ??= [];
      out[k].push(item);
    }
    return out;
  };
}

export {};
