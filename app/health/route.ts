import { getDb } from "@/db/client";
import { HEALTH_REUSE_MS, probeStorage, type StorageHealth } from "@/db/health";

/**
 * For operators and container health checks, with no session: "ok", or
 * "not ok: <why>" in one word (full, read-only, busy, io, corrupt...) with a
 * 503. It reads the database and commits one small write, because only a
 * committed write shows the disk still takes one.
 */

// The probe in flight is shared too: a burst during it waits for its answer instead of writing again.
let last: { at: number; health: Promise<StorageHealth> } | undefined;

export async function GET(): Promise<Response> {
  const now = Date.now();
  if (!last || now - last.at >= HEALTH_REUSE_MS || now < last.at) last = { at: now, health: probeStorage(getDb(), new Date(now)) };
  const health = await last.health;
  return new Response(health.ok ? "ok\n" : `not ok: ${health.reason}\n`, {
    status: health.ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
