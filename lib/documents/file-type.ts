import { unzipSync } from "fflate";

/** The file types the library takes, each known from its bytes. */
export const FILE_TYPES = {
  pdf: { mediaType: "application/pdf", extensions: ["pdf"], label: "PDF" },
  docx: { mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "Word (DOCX)" },
  odt: { mediaType: "application/vnd.oasis.opendocument.text", extensions: ["odt"], label: "OpenDocument text (ODT)" },
  markdown: { mediaType: "text/markdown; charset=utf-8", extensions: ["md", "markdown"], label: "Markdown" },
  text: { mediaType: "text/plain; charset=utf-8", extensions: ["txt"], label: "text" },
} as const;
export type FileType = keyof typeof FILE_TYPES;

const PDF_MAGIC = Buffer.from("%PDF-");
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The entries that name a ZIP container's type are a few hundred bytes; anything far larger is not one of ours. */
const MAX_MARKER_BYTES = 256 * 1024;
const DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? null;

/** What a ZIP container holds, from its marker entries only: nothing else is inflated, so a ZIP bomb costs nothing. */
function containerType(bytes: Uint8Array): FileType | null {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (f) => (f.name === "mimetype" || f.name === "[Content_Types].xml") && f.originalSize <= MAX_MARKER_BYTES });
  } catch {
    return null;
  }
  const mimetype = entries["mimetype"];
  if (mimetype && Buffer.from(mimetype).toString("latin1").trim() === ODT_MIMETYPE) return "odt";
  const types = entries["[Content_Types].xml"];
  if (types && Buffer.from(types).toString("utf8").includes(DOCX_MAIN)) return "docx";
  return null;
}

/** Valid UTF-8 with no NUL: what a text or Markdown file is, whatever its name. */
function isText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The file's type from its bytes: a PDF by its header, DOCX and ODT by the
 * entries inside their ZIP, text by being valid UTF-8. The name only tells
 * Markdown from plain text, which the bytes cannot. Null for anything else.
 */
export function sniffFileType(bytes: Uint8Array, fileName: string): FileType | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8));
  if (head.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return "pdf";
  if (head.subarray(0, ZIP_MAGIC.length).equals(ZIP_MAGIC)) return containerType(bytes);
  if (!isText(bytes)) return null;
  const extension = extensionOf(fileName);
  return extension === "md" || extension === "markdown" ? "markdown" : "text";
}

export type FileCheck = { ok: true; type: FileType } | { ok: false; message: string };

const TAKEN = "Shortlist keeps PDF, Word (DOCX), OpenDocument (ODT), text and Markdown files.";

/**
 * Whether the bytes are a file the library takes, and the name agrees:
 * a file named .pdf whose bytes are not a PDF is refused rather than kept
 * under a name that lies about it.
 */
export function checkFileType(bytes: Uint8Array, fileName: string): FileCheck {
  const type = sniffFileType(bytes, fileName);
  const extension = extensionOf(fileName);
  if (!type) {
    const claimed = Object.values(FILE_TYPES).find((t) => (t.extensions as readonly string[]).includes(extension ?? ""));
    return { ok: false, message: claimed ? `This file is named .${extension}, but its contents are not ${claimed.label}. ${TAKEN}` : `This file's contents are not a type Shortlist keeps. ${TAKEN}` };
  }
  const expected: readonly string[] = FILE_TYPES[type].extensions;
  const known = Object.values(FILE_TYPES).some((t) => (t.extensions as readonly string[]).includes(extension ?? ""));
  // Text may carry any name (notes.txt, cv.md, README): only a known other type's extension is a lie.
  if (extension && known && !expected.includes(extension) && !(type === "text" && extension === "txt")) {
    return { ok: false, message: `This file is named .${extension}, but its contents are ${FILE_TYPES[type].label}. Rename it to .${FILE_TYPES[type].extensions[0]} and choose it again.` };
  }
  return { ok: true, type };
}
