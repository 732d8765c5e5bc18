// Where links back into the app point. Behind a proxy, or on a LAN address,
// the request's own URL says "localhost": the address the user reached us at
// is in the Host (or X-Forwarded-Host) header. SHORTLIST_URL, when set, wins.

/** A host name or address with an optional port; anything else in the header is refused. */
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

const first = (value: string | null) => value?.split(",")[0].trim() || null;

/**
 * The origin for links in what the app sends out (calendar feeds, the feed
 * URL in Settings): SHORTLIST_URL if it is a valid http(s) URL, otherwise
 * the scheme and host the request came in on; null when neither is usable.
 */
export function publicOrigin(headers: Pick<Headers, "get">, configured: string | undefined = process.env.SHORTLIST_URL): string | null {
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "http:" || url.protocol === "https:") return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    } catch {
      // A malformed setting falls back to the request's address.
    }
  }
  const host = first(headers.get("x-forwarded-host")) ?? first(headers.get("host"));
  if (!host || !HOST.test(host)) return null;
  const proto = first(headers.get("x-forwarded-proto"));
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
