import { NextRequest } from "next/server";
import { publicOrigin } from "@/lib/calendar/origin";

/**
 * The request as if addressed to where the user reached us. Next names the
 * server's own hostname ("localhost") in a route handler's URL, and Auth.js
 * builds its redirects from that URL: behind a proxy or on a LAN address a
 * failed sign-in would send the browser to localhost. SHORTLIST_URL wins
 * when set; otherwise the Host (or a proxy's X-Forwarded-Host) header, kept
 * only if it reads as a host name.
 */
export function requestAtPublicOrigin(request: NextRequest): NextRequest {
  const base = publicOrigin(request.headers);
  if (!base) return request;
  const origin = new URL(base).origin;
  if (origin === request.nextUrl.origin) return request;
  return new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin), request);
}
