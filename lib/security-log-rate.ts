import "server-only";
import { MINUTE_MS } from "@/lib/time/units";
import { securityLog, type SecurityEvent, type SecurityFields } from "./security-log";

/** Lines per event and address per window; past that they are counted, not written. */
export const LOG_LINES_PER_WINDOW = 10;
export const LOG_WINDOW_MS = MINUTE_MS;
/** Addresses remembered at once: a spray from many addresses cannot grow the map without bound. */
const MAX_TRACKED = 10_000;

type Bucket = { startedAt: number; written: number; suppressed: number };
const buckets = new Map<string, Bucket>();

/**
 * A security line that anyone can cause at will (a garbage cookie, a
 * replayed one): at most LOG_LINES_PER_WINDOW per event and address a
 * minute, so a loop of bad requests cannot flood the log. Nothing is lost
 * silently: the first line of the next window says how many were held back
 * (`suppressed`).
 */
export function securityLogPerAddress(
  event: SecurityEvent,
  fields: SecurityFields,
  { level = "info", now = Date.now() }: { level?: "info" | "warn"; now?: number } = {},
): boolean {
  const key = `${event} ${fields.address ?? "unknown"}`;
  let bucket = buckets.get(key);
  if (!bucket || now - bucket.startedAt >= LOG_WINDOW_MS) {
    const suppressed = bucket?.suppressed ?? 0;
    if (!bucket && buckets.size >= MAX_TRACKED) buckets.delete(buckets.keys().next().value as string);
    bucket = { startedAt: now, written: 0, suppressed: 0 };
    buckets.set(key, bucket);
    if (suppressed > 0) fields = { ...fields, suppressed };
  }
  if (bucket.written >= LOG_LINES_PER_WINDOW) {
    bucket.suppressed++;
    return false;
  }
  bucket.written++;
  securityLog(event, fields, level);
  return true;
}

/** For tests: start every address afresh. */
export function resetSecurityLogBuckets(): void {
  buckets.clear();
}
