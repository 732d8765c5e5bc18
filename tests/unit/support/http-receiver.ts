import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: string; raw: Buffer };

/**
 * An HTTP server on 127.0.0.1 that keeps every request and answers with the
 * next status from `statuses` (200 once they run out), or always with the
 * status `byPath` gives its path: an ntfy server, a webhook receiver or a
 * push service, on loopback.
 */
export async function startReceiver(statuses: number[] = [], byPath: Record<string, number> = {}) {
  const requests: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      requests.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: raw.toString("utf8"), raw });
      res.statusCode = byPath[req.url ?? ""] ?? statuses.shift() ?? 200;
      res.end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
