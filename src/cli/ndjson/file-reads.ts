import { open } from "node:fs/promises";
import { ReadError } from "../read-error.js";

/**
 * The bytes of a file, `readBytes` at a time, read into two buffers that take turns: the next read is under
 * way while the caller works on the current one (a read waits for a thread-pool thread, which on a busy
 * machine takes a while), and each view yielded is valid only until the next is asked for. Two buffers, not
 * one per read: a fresh megabyte costs its page faults on every read (~6 ms here, a fifth of checking it), a
 * reused one none. Reading stops when `signal` aborts. A file that cannot be opened or read is a
 * {@link ReadError}.
 */
export async function* fileReads(file: string, readBytes: number, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const fail = (error: unknown) => new ReadError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  const handle = await open(file, "r").catch((error: unknown) => {
    throw fail(error);
  });
  const buffers = [Buffer.allocUnsafeSlow(readBytes), Buffer.allocUnsafeSlow(readBytes)] as const;
  const read = (buffer: Buffer) =>
    handle.read(buffer, 0, buffer.length, null).then(
      (result) => result.bytesRead,
      (error: unknown) => {
        throw fail(error);
      },
    );
  let turn = 0;
  let next: Promise<number> | undefined = read(buffers[0]);
  try {
    for (;;) {
      const bytesRead = await next;
      next = undefined;
      signal?.throwIfAborted();
      if (bytesRead === 0) return;
      const current = buffers[turn]!;
      turn = 1 - turn;
      // Reads are in order on one file position: this one starts once the last has finished.
      next = read(buffers[turn]!);
      yield current.subarray(0, bytesRead);
    }
  } finally {
    // A read still under way must finish before the file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
}
