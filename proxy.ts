import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie-names";
import { refuseMalformedAction, TOO_LARGE, UNCHECKABLE } from "@/lib/http/action-request";
import { hstsHeaderValue, reachedOverHttps } from "@/lib/http/transport-security";
import { MAX_UPLOAD_REQUEST_BYTES } from "@/lib/documents/limits";
import { MAX_IMPORT_REQUEST_BYTES } from "@/lib/import/limits";

// Optimistic only: a request with no session cookie at all is sent to sign
// in early. Whether a cookie is valid is decided in the data-access layer.
// The calendar feed is read by calendar apps with no session; its URL
// carries its own secret, checked in the route, as a reminder email's
// unsubscribe link does. /health is for operators' probes and says only ok
// or not ok. The API and the MCP server take bearer tokens only, checked in
// their routes, and never a cookie.
// Static files pass through here too, for their CSP and HSTS.
const PUBLIC_PATHS = ["/sign-in", "/sign-up", "/reset-password", "/api/auth", "/api/v1", "/api/mcp", "/calendar", "/unsubscribe", "/api/unsubscribe", "/health", "/_next", "/favicon.ico", "/icon.svg", "/manifest.webmanifest", "/sw.js", "/icons"];
// File imports and document uploads are route handlers, not actions: CSV up
// to 10 MB, Shortlist exports up to 50 MB, documents up to 10 MB, each
// checked by its route, which answers beside the file field.
const UPLOAD_LIMITS: Record<string, number> = {
  "/import/preview": MAX_IMPORT_REQUEST_BYTES,
  "/import/run": MAX_IMPORT_REQUEST_BYTES,
  "/documents/upload": MAX_UPLOAD_REQUEST_BYTES,
};

const isTokenApi = (pathname: string) => ["/api/v1", "/api/mcp"].some((p) => pathname === p || pathname.startsWith(`${p}/`));

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React needs eval only for dev-time error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    // 'strict-dynamic' above drops 'self' for scripts, and workers fall back to script-src: /sw.js needs its own line.
    "worker-src 'self'",
    "manifest-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  // Too large, or a body Next's action decoder would choke on: a 4xx now
  // rather than a 500 with a stack trace later.
  const uploadLimit = UPLOAD_LIMITS[request.nextUrl.pathname];
  const refusal = isTokenApi(request.nextUrl.pathname)
    ? null // The routes read and bound their own JSON bodies (lib/api/route.ts).
    : uploadLimit
    ? Number(request.headers.get("content-length") ?? 0) > uploadLimit
      ? TOO_LARGE
      : null
    : await refuseMalformedAction(request).catch((error: unknown) => {
        // The check itself failing must not become the 500 it exists to prevent.
        console.error("the action request check failed:", error);
        return UNCHECKABLE;
      });
  if (refusal) {
    // One line per kind of refusal; repeats are counted by the log (lib/log/json-lines.mjs).
    console.warn(`refused a malformed request (${refusal.status}): ${refusal.message}`);
    return new NextResponse(refusal.message, {
      status: refusal.status,
      headers: { "Content-Security-Policy": csp, "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIE_NAMES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    const url = new URL("/sign-in", request.url);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set("Content-Security-Policy", csp);
    if (reachedOverHttps(request.headers)) redirect.headers.set("Strict-Transport-Security", hstsHeaderValue());
    return redirect;
  }

  // Next reads the nonce from the request's CSP header and stamps its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A stored file carries its own, stricter policy (a sandbox): this one must not replace it.
  if (!pathname.startsWith("/documents/files/")) response.headers.set("Content-Security-Policy", csp);
  if (reachedOverHttps(request.headers)) response.headers.set("Strict-Transport-Security", hstsHeaderValue());
  return response;
}

// Every path, static files included: they get the CSP and HSTS as pages do.
export const config = {
  matcher: ["/:path*"],
};
