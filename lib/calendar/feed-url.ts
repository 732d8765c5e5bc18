import "server-only";
import { headers } from "next/headers";

/**
 * The origin this request reached the app at, for showing a feed URL in
 * Settings: the URL must work from outside, so it follows the proxy's
 * forwarded host and scheme when there is one.
 */
export async function requestOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host") ?? "localhost";
  const proto = h.get("x-forwarded-proto") ?? "http";
  return `${proto.split(",")[0].trim()}://${host.split(",")[0].trim()}`;
}

export const feedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;
