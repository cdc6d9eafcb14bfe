// Seeded randomness for fuzz tests: the same seed gives the same inputs on every run.

/** A small, fast, seeded pseudo-random generator (mulberry32): numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'then'];
const SPECIAL = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  -1,
  1e308,
  null,
  undefined,
  true,
  false,
];

/** A random JSON-ish value with hostile keys, special numbers and, now and then, a long string. */
export function randomValue(rnd: () => number, depth: number): unknown {
  const r = rnd();
  if (depth <= 0 || r < 0.3) {
    const s = rnd();
    if (s < 0.3) return SPECIAL[Math.floor(rnd() * SPECIAL.length)];
    if (s < 0.5) return Math.floor(rnd() * 2000) - 1000;
    if (s < 0.55) return 'x'.repeat(Math.floor(rnd() * 300_000));
    if (s < 0.6) return `https://news.example/${'\u0000\ud800'.repeat(Math.floor(rnd() * 10))}`;
    return (
      Math.random.name +
      String.fromCharCode(...Array.from({ length: Math.floor(rnd() * 20) }, () => Math.floor(rnd() * 0xffff)))
    );
  }
  if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 5) }, () => randomValue(rnd, depth - 1));
  const o: Record<string, unknown> = {};
  const n = Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) {
    const key = rnd() < 0.3 ? HOSTILE_KEYS[Math.floor(rnd() * HOSTILE_KEYS.length)] : `k${Math.floor(rnd() * 10)}`;
    Object.defineProperty(o, key, {
      value: randomValue(rnd, depth - 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return o;
}
