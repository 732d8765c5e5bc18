import "server-only";
import { headers } from "next/headers";
import { publicOrigin } from "./origin";

/**
 * The origin this request reached the app at, for showing a feed URL in
 * Settings: the URL must work from outside, so it follows SHORTLIST_URL, or
 * the proxy's forwarded host and scheme when there is one.
 */
export async function requestOrigin(): Promise<string> {
  return publicOrigin(await headers()) ?? "http://localhost:3000";
}

export const feedUrl = (origin: string, token: string) => `${origin}/calendar/${token}.ics`;
