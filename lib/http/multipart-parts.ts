import { Readable } from "node:stream";
import type { Part } from "./action-envelope";

// The same parser, with the same options, that Next hands a fetch action's
// multipart body to (app-render/action-handler.js): whatever it would fail
// on, or read differently from the platform's FormData, we see the same way.
/** The parts of a multipart body as the action decoder would see them, or null where it would fail. */
export async function multipartParts(bytes: Uint8Array, contentType: string, fieldSize: number): Promise<Part[] | null> {
  const { default: busboy } = await import("next/dist/compiled/busboy");
  let parser: ReturnType<typeof busboy>;
  try {
    parser = busboy({ defParamCharset: "utf8", headers: { "content-type": contentType }, limits: { fieldSize } });
  } catch {
    return null;
  }
  return new Promise((resolve) => {
    const parts: Part[] = [];
    // busboy reports a part with an empty name as `undefined`, on which React's decoder throws; "" is refused as no part we send.
    // A part in a charset busboy cannot decode (`charset=utf-16`) comes as null, on which React's decoder throws.
    let unreadable = false;
    parser.on("field", (name, value) => {
      if (typeof value === "string") parts.push({ name: name ?? "", value });
      else unreadable = true;
    });
    parser.on("file", (name, stream, info) => {
      parts.push({ name: name ?? "", file: { encoding: info.encoding } });
      stream.resume();
    });
    parser.on("error", () => resolve(null));
    parser.on("close", () => resolve(unreadable ? null : parts));
    Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]).pipe(parser);
  });
}
