const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Standard base64 of raw bytes. Written out instead of `btoa(String.fromCharCode(...))` because a
 * 6 MiB chunk would need a 6-million-character intermediate string and blow the argument limit.
 */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const full = bytes.length - (bytes.length % 3);
  // Build in slices so one chunk never becomes one enormous array of characters.
  const SLICE = 3 * 16384;
  for (let start = 0; start < full; start += SLICE) {
    const end = Math.min(start + SLICE, full);
    let out = '';
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
      out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    }
    parts.push(out);
  }
  const rest = bytes.length - full;
  if (rest === 1) {
    const n = bytes[full]! << 16;
    parts.push(`${ALPHABET[(n >> 18) & 63]!}${ALPHABET[(n >> 12) & 63]!}==`);
  } else if (rest === 2) {
    const n = (bytes[full]! << 16) | (bytes[full + 1]! << 8);
    parts.push(`${ALPHABET[(n >> 18) & 63]!}${ALPHABET[(n >> 12) & 63]!}${ALPHABET[(n >> 6) & 63]!}=`);
  }
  return parts.join('');
}
