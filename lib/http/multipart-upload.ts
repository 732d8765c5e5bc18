import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";

export type UploadedFile = { field: string; fileName: string; bytes: Buffer; truncated: boolean };
export type MultipartUpload = { fields: Record<string, string>; file: UploadedFile | null };

/**
 * Reads a multipart body as it streams in, with the same busboy that Next's
 * action decoder uses (multipart-parts.ts): text fields, and at most one
 * file held up to `maxFileBytes`. A file past that is cut there and marked
 * `truncated`; the rest of the body is read and dropped, never held, so a
 * large upload costs no more memory than the limit. Null for a body that
 * isn't well-formed multipart.
 */
export async function readMultipartUpload(
  body: ReadableStream<Uint8Array>,
  contentType: string,
  { maxFileBytes, maxFields = 10, fieldSize = 4096 }: { maxFileBytes: number; maxFields?: number; fieldSize?: number },
): Promise<MultipartUpload | null> {
  const { default: busboy } = await import("next/dist/compiled/busboy");
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({
      defParamCharset: "utf8",
      // The name as sent, folders and all: a name with a path is refused beside the field, not quietly cut.
      preservePath: true,
      headers: { "content-type": contentType },
      // One byte past the limit, so a file of exactly the limit is not taken for a longer one.
      limits: { fieldSize, fields: maxFields, files: 1, fileSize: maxFileBytes + 1 },
    });
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    const fields: Record<string, string> = {};
    let file: UploadedFile | null = null;
    let pending: Promise<void> = Promise.resolve();
    let failed = false;
    parser.on("field", (name, value) => {
      if (typeof name === "string" && typeof value === "string" && !(name in fields)) fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      const chunks: Buffer[] = [];
      let size = 0;
      pending = new Promise<void>((done) => {
        stream.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxFileBytes) chunks.push(chunk);
        });
        stream.on("end", () => {
          file = { field: name ?? "", fileName: info.filename ?? "", bytes: Buffer.concat(chunks), truncated: Boolean(stream.truncated) || size > maxFileBytes };
          done();
        });
        stream.on("error", () => {
          failed = true;
          done();
        });
      });
    });
    parser.on("error", () => resolve(null));
    parser.on("close", () => {
      void pending.then(() => resolve(failed ? null : { fields, file }));
    });
    const source = Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>);
    source.on("error", () => resolve(null));
    source.pipe(parser);
  });
}
