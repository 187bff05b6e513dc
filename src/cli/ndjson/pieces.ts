/**
 * A run of whole NDJSON lines, cut from the input at newline boundaries: the unit that is checked in one go,
 * on this thread or in a worker. Its last line may lack its `\n` only at the end of the input.
 */
export interface LinesPiece {
  readonly type: "lines";
  readonly bytes: Uint8Array;
  /** 1-based line number of the first line in `bytes`. */
  readonly firstLine: number;
}

/** A line longer than the body limit: counted as it streamed by, never kept. */
export interface OversizedPiece {
  readonly type: "oversized";
  readonly line: number;
  readonly size: number;
}

/** What {@link pieces} yields, in input order. */
export type Piece = LinesPiece | OversizedPiece;

/** How {@link pieces} cuts its input. */
export interface PieceSizes {
  /** Largest line kept, in bytes; a longer line that spans reads becomes an {@link OversizedPiece}. */
  readonly maxLineBytes: number;
  /** Target size of a piece: lines are gathered up to this many bytes (a longer line makes a longer piece). */
  readonly pieceBytes: number;
}

const NEWLINE = 0x0a;

/**
 * Cuts a byte stream into pieces of whole lines, in order, with their line numbers: each read is cut at
 * newlines, by byte search, without decoding. A piece's bytes may be a view of the read, so they are valid
 * only until the next piece is asked for (a source may reuse its read buffer); what carries over from one
 * read to the next is copied. Memory: the current read plus at most `maxLineBytes` carried over — a line
 * longer than that which spans reads is counted and dropped as it streams by, so no input makes it hold more.
 */
export async function* pieces(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, sizes: PieceSizes): AsyncGenerator<Piece> {
  const { maxLineBytes } = sizes;
  const pieceBytes = Math.max(1, sizes.pieceBytes);
  let carry: Uint8Array[] = [];
  let carrySize = 0;
  let skipping = false;
  let line = 1;

  for await (const read of source) {
    let pos = 0;
    if (skipping) {
      const nl = read.indexOf(NEWLINE);
      if (nl === -1) {
        carrySize += read.length;
        continue;
      }
      yield { type: "oversized", line, size: carrySize + nl };
      line++;
      skipping = false;
      carrySize = 0;
      pos = nl + 1;
    }
    while (pos < read.length) {
      if (carrySize > 0) {
        // The line begun in an earlier read: its own piece when it ends here (joining only it, not the whole
        // read), dropped if it ends up too long.
        const nl = read.indexOf(NEWLINE, pos);
        const size = carrySize + (nl === -1 ? read.length : nl) - pos;
        if (nl === -1 && size <= maxLineBytes) {
          carry.push(copy(read.subarray(pos)));
          carrySize = size;
          break;
        }
        if (nl === -1) {
          skipping = true;
          carry = [];
          carrySize = size;
          break;
        }
        if (size > maxLineBytes) yield { type: "oversized", line, size };
        else yield { type: "lines", bytes: join(carry, carrySize, read.subarray(pos, nl + 1)), firstLine: line };
        line++;
        carry = [];
        carrySize = 0;
        pos = nl + 1;
        continue;
      }
      const windowEnd = Math.min(read.length, pos + pieceBytes);
      let end = read.lastIndexOf(NEWLINE, windowEnd - 1);
      if (end < pos) end = read.indexOf(NEWLINE, windowEnd);
      if (end === -1) {
        carrySize = read.length - pos;
        if (carrySize > maxLineBytes) skipping = true;
        else carry = [copy(read.subarray(pos))];
        break;
      }
      const bytes = read.subarray(pos, end + 1);
      yield { type: "lines", bytes, firstLine: line };
      line += countNewlines(bytes);
      pos = end + 1;
    }
  }
  if (skipping) yield { type: "oversized", line, size: carrySize };
  else if (carrySize > 0) yield { type: "lines", bytes: join(carry, carrySize, Buffer.alloc(0)), firstLine: line };
}

function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

function join(parts: readonly Uint8Array[], size: number, last: Uint8Array): Uint8Array {
  if (parts.length === 0) return last;
  // Not from Buffer's shared pool: a piece's memory may be handed to a worker whole.
  const out = Buffer.allocUnsafeSlow(size + last.length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  out.set(last, at);
  return out;
}

function countNewlines(bytes: Uint8Array): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
