// Next's own copy of busboy, the parser its action handler reads multipart
// bodies with. It ships without types; this is the part multipart-parts.ts uses.
declare module "next/dist/compiled/busboy" {
  import type { Readable, Writable } from "node:stream";
  interface Busboy extends Writable {
    on(event: "field", listener: (name: string | undefined, value: string | null) => void): this;
    on(event: "file", listener: (name: string | undefined, stream: Readable, info: { encoding: string }) => void): this;
    on(event: "close" | "finish", listener: () => void): this;
    on(event: "error", listener: (error: unknown) => void): this;
  }
  function busboy(options: { defParamCharset: string; headers: Record<string, string>; limits: { fieldSize: number } }): Busboy;
  export = busboy;
}
