/**
 * The client's address for the per-address sign-in limit. Next's server sets
 * X-Forwarded-For from the socket only when the request has none, and a
 * reverse proxy appends the address it saw; so the last entry is the one
 * written nearest to us. Without a proxy a client can still forge it, which
 * is why the per-account limit does not depend on it.
 */
export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}
