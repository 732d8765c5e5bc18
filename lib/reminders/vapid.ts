import "server-only";
import webpush from "web-push";
import { databasePath } from "@/db/location";
import { keptBesideDatabase } from "@/lib/config";
import { reminderOrigin } from "./origin";

// The server's VAPID key pair (RFC 8292): push services accept a message
// for a subscription only when it is signed with the key the browser
// subscribed with. Made on first start and kept in `vapid-keys` beside the
// database, like the auth secret; new keys would strand every subscription.

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

type KeyPair = { publicKey: string; privateKey: string };

/** Read once per process (Settings asks on every page), per database location. */
const kept = new Map<string, KeyPair>();

function keysFromFile(): KeyPair {
  const where = databasePath();
  let pair = kept.get(where);
  if (!pair) {
    pair = JSON.parse(keptBesideDatabase("vapid-keys", () => JSON.stringify(webpush.generateVAPIDKeys()))) as KeyPair;
    kept.set(where, pair);
  }
  return pair;
}

/**
 * Who runs this server, for push services to contact: SHORTLIST_VAPID_SUBJECT
 * (a mailto: or https: URL), else SHORTLIST_URL when it is https, else a
 * mailto: address at its host.
 */
function subjectOf(env: NodeJS.ProcessEnv): string {
  const given = env.SHORTLIST_VAPID_SUBJECT?.trim();
  if (given) return given;
  const origin = reminderOrigin(env);
  return origin.startsWith("https://") ? origin : `mailto:shortlist@${new URL(origin).hostname}`;
}

/** SHORTLIST_VAPID_PUBLIC_KEY and SHORTLIST_VAPID_PRIVATE_KEY when both are set (several servers must share one pair), else the kept pair. */
export function vapidKeys(env: NodeJS.ProcessEnv = process.env): VapidKeys {
  const publicKey = env.SHORTLIST_VAPID_PUBLIC_KEY?.trim();
  const privateKey = env.SHORTLIST_VAPID_PRIVATE_KEY?.trim();
  const pair = publicKey && privateKey ? { publicKey, privateKey } : keysFromFile();
  return { ...pair, subject: subjectOf(env) };
}
