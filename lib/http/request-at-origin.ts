import { NextRequest } from "next/server";
import { publicOrigin } from "@/lib/calendar/origin";

/**
 * The origin the user reached us at. Next names the server's own hostname
 * ("localhost") in a route handler's URL, and Auth.js builds its redirects
 * from that URL (or leaves them relative, for Next to resolve the same
 * way): behind a proxy or on a LAN address a failed sign-in would send the
 * browser to localhost. SHORTLIST_URL wins when set; otherwise the Host (or
 * a proxy's X-Forwarded-Host) header, kept only if it reads as a host name.
 */
function originFor(request: NextRequest): string | null {
  const base = publicOrigin(request.headers);
  return base ? new URL(base).origin : null;
}

/** A route handler that sees, and redirects to, the public origin instead of Next's own. */
export function atPublicOrigin(handler: (request: NextRequest) => Promise<Response>) {
  return async (request: NextRequest): Promise<Response> => {
    const origin = originFor(request);
    if (!origin) return handler(request);
    const internal = request.nextUrl.origin;
    const moved = origin === internal ? request : new NextRequest(new URL(`${request.nextUrl.pathname}${request.nextUrl.search}`, origin), request);
    const response = await handler(moved);
    const location = response.headers.get("location");
    if (!location) return response;
    const target = new URL(location, origin);
    // Only our own addresses are moved; a redirect elsewhere stays as it is.
    if (target.origin === origin || target.origin === internal) {
      const publicTarget = new URL(`${target.pathname}${target.search}${target.hash}`, origin).toString();
      if (publicTarget !== location) {
        const headers = new Headers(response.headers);
        headers.set("location", publicTarget);
        return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
      }
    }
    return response;
  };
}
