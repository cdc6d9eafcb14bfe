// Reads one input (a file, or standard input for `-`) in chunks and stops as soon as it passes
// the size limit, so /dev/zero or an endless pipe is refused at once instead of read to the end.
import fs from 'node:fs';
import type { Readable } from 'node:stream';

/** The largest input the analyser reads. */
export const MAX_INPUT = 64 * 1024 * 1024;

/** An input past the limit; `code` lets the caller word it like the other read errors. */
export class InputTooLarge extends Error {
  code = 'ETOOLARGE';
  constructor(limit: number, known?: number) {
    super(
      known !== undefined
        ? `it is ${known.toLocaleString('en-GB')} bytes, over the limit of ${limit.toLocaleString('en-GB')} bytes (${limit / 1048576} MiB)`
        : `it goes on past the limit of ${limit.toLocaleString('en-GB')} bytes (${limit / 1048576} MiB); stopped reading there`,
    );
  }
}

const CHUNK = 1 << 20;

/** Reads a whole stream, or throws InputTooLarge once more than `limit` bytes have come. */
export async function readStreamBounded(stream: Readable, limit = MAX_INPUT): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > limit) {
      stream.destroy();
      throw new InputTooLarge(limit);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}

/** Reads a file (or standard input for `-`), refusing anything past `limit` before reading it all. */
export async function readInputBounded(source: string, limit = MAX_INPUT): Promise<Buffer> {
  if (source === '-') return readStreamBounded(process.stdin, limit);
  const handle = await fs.promises.open(source, 'r');
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // A regular file says its size: refuse without reading. Devices and pipes say 0: read and count.
    if (stat.isFile() && stat.size > limit) throw new InputTooLarge(limit, stat.size);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
      if (!bytesRead) break;
      total += bytesRead;
      if (total > limit) throw new InputTooLarge(limit);
      chunks.push(bytesRead === CHUNK ? buf : buf.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
