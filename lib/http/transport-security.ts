/**
 * HTTPS hygiene: HSTS and Secure cookies when the app is reached over HTTPS.
 * That is known for sure when SHORTLIST_URL (the address people use) starts
 * with https://; otherwise a request tells by its X-Forwarded-Proto, which a
 * TLS proxy sets and Next fills in from the connection when it is absent.
 */

/** One year; no includeSubDomains, since a self-hoster's other subdomains are not ours to decide. */
export const HSTS_HEADER_VALUE = "max-age=31536000";

export function configuredForHttps(env: Record<string, string | undefined> = process.env): boolean {
  return (env.SHORTLIST_URL ?? "").trim().toLowerCase().startsWith("https://");
}

export function reachedOverHttps(headers: Headers, env: Record<string, string | undefined> = process.env): boolean {
  if (configuredForHttps(env)) return true;
  return headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
