/**
 * The client's address as the server saw it. x-forwarded-for is set by
 * Next's own server and by any reverse proxy in front; its first entry is
 * the original client.
 */
export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}
