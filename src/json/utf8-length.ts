/** Node's native UTF-8 count, where there is one (it counts a lone surrogate as 3 bytes too). */
const nativeLength = (globalThis as { Buffer?: { byteLength(text: string, encoding: "utf8"): number } }).Buffer?.byteLength;

/** Below this many units the loop is as quick as a call into the native count. */
const NATIVE_FROM = 256;

/**
 * The UTF-8 length of `text.slice(start, end)`, counting a lone surrogate as the 3 bytes of the U+FFFD that
 * an encoder writes for it. Counted natively on Node (`Buffer.byteLength`, ~5x the loop on long text), by a
 * loop elsewhere.
 */
export function utf8Length(text: string, start = 0, end = text.length): number {
  if (nativeLength !== undefined && end - start >= NATIVE_FROM) {
    return nativeLength(start === 0 && end === text.length ? text : text.slice(start, end), "utf8");
  }
  let bytes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
