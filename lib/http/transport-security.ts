/**
 * HTTPS hygiene: HSTS and Secure cookies when the app is reached over HTTPS.
 * That is known for sure when SHORTLIST_URL (the address people use) starts
 * with https://; otherwise a request tells by its X-Forwarded-Proto, which a
 * TLS proxy sets and Next fills in from the connection when it is absent.
 */

/** One year. */
const HSTS_MAX_AGE_SECONDS = 31_536_000;

/**
 * HSTS with includeSubDomains, so a sibling subdomain reached over plain
 * HTTP cannot set cookies for this one. A self-hoster whose other
 * subdomains still serve plain HTTP sets SHORTLIST_HSTS_INCLUDE_SUBDOMAINS=false.
 */
export function hstsHeaderValue(env: Record<string, string | undefined> = process.env): string {
  const off = ["0", "false", "no", "off"].includes(env.SHORTLIST_HSTS_INCLUDE_SUBDOMAINS?.trim().toLowerCase() ?? "");
  return off ? `max-age=${HSTS_MAX_AGE_SECONDS}` : `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`;
}

export function configuredForHttps(env: Record<string, string | undefined> = process.env): boolean {
  return (env.SHORTLIST_URL ?? "").trim().toLowerCase().startsWith("https://");
}

export function reachedOverHttps(headers: Headers, env: Record<string, string | undefined> = process.env): boolean {
  if (configuredForHttps(env)) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
