import { NextResponse, type NextRequest } from "next/server";
import { MAX_IMPORT_REQUEST_BYTES } from "@/lib/import/limits";

// Optimistic only: a request with no session cookie at all is sent to sign
// in early. Whether a cookie is valid is decided in the data-access layer.
// The calendar feed is read by calendar apps with no session; its URL
// carries its own secret, checked in the route.
const PUBLIC_PATHS = ["/sign-in", "/sign-up", "/api/auth", "/calendar"];
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
// Next refuses server-action bodies over 1 MB by throwing, which surfaces as
// a 500. No Shortlist form comes near that size, so refuse early with a 413.
const MAX_BODY_BYTES = 1024 * 1024;
// Except file imports (CSV up to 10 MB, Shortlist exports up to 50 MB): their routes check the size and answer with a message for the file field.
const UPLOAD_PATHS = ["/import/preview", "/import/run"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React needs eval only for dev-time error overlays.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);

  const bodyLimit = UPLOAD_PATHS.includes(request.nextUrl.pathname) ? MAX_IMPORT_REQUEST_BYTES : MAX_BODY_BYTES;
  if (Number(request.headers.get("content-length") ?? 0) > bodyLimit) {
    return new NextResponse("This request is too large. Shorten the text and try again.", {
      status: 413,
      headers: { "Content-Security-Policy": csp, "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  const { pathname, search } = request.nextUrl;
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    const url = new URL("/sign-in", request.url);
    if (pathname !== "/") url.searchParams.set("next", `${pathname}${search}`);
    const redirect = NextResponse.redirect(url);
    redirect.headers.set("Content-Security-Policy", csp);
    return redirect;
  }

  // Next reads the nonce from the request's CSP header and stamps its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
