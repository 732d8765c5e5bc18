/** No Origin (a script or the command line), or this server's own; "null" and other sites are not. */
export function sameSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  try {
    return origin === new URL(request.url).origin || new URL(origin).host === request.headers.get("host");
  } catch {
    return false;
  }
}
