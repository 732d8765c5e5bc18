import iconv from "iconv-lite";
import { MAX_EXPORT_FILE_BYTES, MAX_IMPORT_BYTES, tooLargeMessage } from "./limits";

export type Decoded = { ok: true; text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

// Files people pick by mistake, named so the message can say what to do instead.
const BINARY_KINDS: { signature: number[]; message: string }[] = [
  {
    signature: [0x50, 0x4b, 0x03, 0x04],
    message: "This looks like an Excel or other zipped file, not a CSV. Open it in your spreadsheet app, save it as “CSV UTF-8”, and choose that file.",
  },
  { signature: [0xd0, 0xcf, 0x11, 0xe0], message: "This looks like an old Excel (.xls) file, not a CSV. Save it as “CSV UTF-8” and choose that file." },
  { signature: [0x25, 0x50, 0x44, 0x46], message: "This is a PDF, not a CSV. Export your applications as CSV from your tracker and choose that file." },
];

const NOT_TEXT = "This file isn't text: it holds binary data, so it can't be a CSV or a Shortlist export. Choose the CSV your tracker exported.";

/** Only a Shortlist export, which starts like JSON, may be larger than a CSV. */
export const startsLikeJson = (bytes: Uint8Array) => {
  for (const b of bytes.subarray(0, 64)) {
    if (b === 0x7b || b === 0x5b) return true;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0xef && b !== 0xbb && b !== 0xbf) return false;
  }
  return false;
};

/**
 * The file's text, whatever encoding a tracker or spreadsheet wrote it in:
 * UTF-8 (with or without a byte-order mark), UTF-16 with a mark, or else
 * Windows-1252, which is what Excel on Windows saves a "CSV" as. Anything
 * that is not text at all is refused with a message that says what it is.
 */
export function decodeFile(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_EXPORT_FILE_BYTES || (bytes.length > MAX_IMPORT_BYTES && !startsLikeJson(bytes))) {
    return { ok: false, message: tooLargeMessage(bytes.length) };
  }
  for (const kind of BINARY_KINDS) if (startsWith(bytes, kind.signature)) return { ok: false, message: kind.message };

  let text: string;
  let encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    text = new TextDecoder(encoding).decode(bytes);
  } else {
    try {
      // ignoreBOM false (the default) strips a UTF-8 byte-order mark.
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      encoding = "utf-8";
    } catch {
      // Not TextDecoder: Node 20's "windows-1252" decodes 0x80-0x9F as Latin-1 controls, losing € and curly quotes.
      text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "win1252");
      encoding = "windows-1252";
    }
  }
  text = text.replace(/^\uFEFF/, "");
  if (text.trim() === "") return { ok: false, message: "This file is empty. Export your applications again and choose the new file." };
  if (looksBinary(text)) return { ok: false, message: NOT_TEXT };
  return { ok: true, text, encoding };
}

/** NUL bytes, or more than 1 in 100 characters being control codes other than tab and line breaks. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) control++;
  }
  return control > sample.length / 100;
}
