import { peerAddressFrom } from "@/lib/http/peer-address";

/**
 * How many reverse proxies in front of the app to believe, from
 * SHORTLIST_TRUST_PROXY: unset, "false" or "0" believes none; "true" or "1"
 * one (the usual nginx or Caddy in front); a number N that many in a chain.
 */
export function trustedProxyHops(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SHORTLIST_TRUST_PROXY?.trim().toLowerCase();
  if (!raw || ["0", "false", "no", "off"].includes(raw)) return 0;
  if (["true", "yes", "on"].includes(raw)) return 1;
  return /^\d+$/.test(raw) ? Math.min(Number(raw), 10) : 0;
}

/** "::ffff:127.0.0.1" is the same client as "127.0.0.1": one throttle counter, not two. */
function normalise(address: string | null | undefined): string | null {
  const trimmed = address?.trim();
  if (!trimmed) return null;
  return trimmed.toLowerCase().startsWith("::ffff:") && trimmed.includes(".") ? trimmed.slice(7) : trimmed;
}

/**
 * The client's address, for the throttle and the security log.
 *
 * Without a trusted proxy it is the connection's own address, which
 * instrumentation.ts copies into a private header before Next sees the
 * request (Next 16 gives route handlers and actions no socket, and fills in
 * X-Forwarded-For only when the client sent none, so that header can be
 * forged). A request that arrived before the copying began has none: its
 * address is unknown, and only the per-account limits apply to it. Behind trusted proxies it is the entry the outermost of them
 * appended to X-Forwarded-For; entries further left were written by the
 * client and are ignored.
 */
export function clientAddressFrom(headers: Headers, hops = trustedProxyHops()): string | null {
  const peer = normalise(peerAddressFrom(headers));
  if (hops === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  return chain.length >= hops ? normalise(chain[chain.length - hops]) : peer;
}
