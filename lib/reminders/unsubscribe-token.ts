import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/config";

// The token in an email's unsubscribe link: the user id and a MAC of it
// under a key made for this purpose alone, so it can do one thing (turn
// that account's email reminders off) and prove nothing else. Nothing is
// stored: it stays valid as long as the auth secret does.

const PURPOSE = "shortlist email-unsubscribe v1";

function mac(userId: string): string {
  const key = Buffer.from(hkdfSync("sha256", authSecret(), "shortlist", PURPOSE, 32));
  return createHmac("sha256", key).update(`email-reminders:${userId}`).digest("base64url");
}

export const unsubscribeToken = (userId: string) => `${userId}.${mac(userId)}`;

/** The user id the token was made for, or null for anything forged or malformed. */
export function userOfUnsubscribeToken(token: string): string | null {
  const dot = token.lastIndexOf(".");
  if (dot <= 0) return null;
  const userId = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(userId));
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}
