// Which text encoding a file has, before anything reads it: UTF-8 (with or without the byte order mark Excel
// writes) is read; UTF-16 (with or without its byte order mark), other encodings and binary files are named as
// such, never misread as a quoting or JSON problem. Shared by the CSV loaders and the scenario files.

/** The decoded text, or what is wrong with the bytes (Dutch) and the line of the first bad byte. */
export type Decoded = {readonly text: string} | {readonly problem: string; readonly line: number};

/**
 * Decodes UTF-8 strictly; drops a leading byte order mark.
 *
 * @example
 * decodeUtf8(Buffer.from("\uFEFFid,name\n")); // {text: "id,name\n"}
 * decodeUtf8(Buffer.from("id\n", "utf16le")); // {problem: "UTF-16-tekst (zonder byte order mark) …", line: 1}
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {problem: 'UTF-16-tekst (met byte order mark; "Unicode-tekst" uit Excel) in plaats van UTF-8', line: 1};
  }
  const zeros = utf16Zeros(bytes);
  if (zeros) return {problem: `UTF-16-tekst (zonder byte order mark, ${zeros}) in plaats van UTF-8`, line: 1};
  const nul = bytes.indexOf(0);
  if (nul >= 0) return {problem: "een binair bestand (het bevat nul-bytes) in plaats van UTF-8-tekst", line: lineAt(bytes, nul)};
  try {
    const text = new TextDecoder("utf-8", {fatal: true}).decode(bytes);
    return {text: text.startsWith("\uFEFF") ? text.slice(1) : text};
  } catch {
    return {problem: "tekst in een andere codering dan UTF-8 (bijv. ANSI/Windows-1252 of Latin-1)", line: lineOfFirstInvalidByte(bytes)};
  }
}

// ASCII text in UTF-16 has a zero byte beside every character: look at the first kilobyte.
function utf16Zeros(bytes: Uint8Array): string | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const half = n / 2;
  if (odd >= half * 0.4 && even === 0) return "little-endian";
  if (even >= half * 0.4 && odd === 0) return "big-endian";
  return undefined;
}

const lineAt = (bytes: Uint8Array, index: number): number => bytes.subarray(0, index).filter((b) => b === 0x0a).length + 1;

// Binary search on the length of the longest valid prefix (streaming decode of a prefix is valid until a bad byte).
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    try {
      new TextDecoder("utf-8", {fatal: true}).decode(bytes.subarray(0, mid), {stream: true});
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lineAt(bytes, lo);
}
