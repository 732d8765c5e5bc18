// Next's own copy of busboy, the parser its action handler reads multipart
// bodies with. It ships without types; this is the part multipart-parts.ts
// and multipart-upload.ts use.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";
  interface FileStream extends Readable {
    /** Set once the file ran past limits.fileSize: the rest was dropped. */
    truncated?: boolean;
  }
  interface Busboy extends Writable {
    on(event: "field", listener: (name: string | undefined, value: string | null) => void): this;
    on(event: "file", listener: (name: string | undefined, stream: FileStream, info: { encoding: string; filename?: string; mimeType?: string }) => void): this;
    on(event: "close" | "finish" | "filesLimit" | "fieldsLimit" | "partsLimit", listener: () => void): this;
    on(event: "error", listener: (error: unknown) => void): this;
  }
  function busboy(options: {
    defParamCharset: string;
    preservePath?: boolean;
    headers: Record<string, string>;
    limits: { fieldSize: number; fileSize?: number; files?: number; fields?: number; parts?: number };
  }): Busboy;
  export = busboy;
}
