import type { ReminderKind } from "@/lib/vocabulary";
import { HOUR_MS, SECOND_MS } from "@/lib/time/units";
import type { ReminderMessage } from "./message";

// What a Web Push carries, and how the push service should treat it. Pure.

/** What the service worker (public/sw.js) shows: a notification with this title and text, opening `url` when tapped. */
export type PushPayload = { title: string; body: string; url: string; tag: string };

/**
 * A push's encrypted payload must stay under 4 KB (RFC 8291: one 4096-byte
 * record). The text is cut to this many characters, which stays under it
 * even when every character takes 4 bytes in UTF-8.
 */
const MAX_BODY = 800;
const MAX_TITLE = 120;

/** The intro, then each entry's heading, when and reasons: a notification's few lines. */
export function pushPayload({ id, message }: { id: string; message: ReminderMessage }, origin: string): PushPayload {
  const lines = [message.intro, ...message.entries.flatMap((e) => [[e.heading, e.when].filter(Boolean).join(": "), ...e.reasons])];
  const first = message.entries[0];
  return {
    title: message.subject.slice(0, MAX_TITLE),
    body: lines.join("\n").slice(0, MAX_BODY),
    url: first ? `${origin}${first.path}` : `${origin}/`,
    // The delivery id: a retry that reaches a device twice replaces the notification rather than adding one.
    tag: id,
  };
}

/**
 * How long the push service keeps a push for a device that is off, and how
 * hard it tries: an interview reminder is urgent and worthless once the
 * interview has started; a digest can wait for the phone to wake.
 */
export function pushDelivery(kind: ReminderKind): { TTL: number; urgency: "high" | "normal" } {
  const seconds = (ms: number) => Math.round(ms / SECOND_MS);
  if (kind === "interview") return { TTL: seconds(3 * HOUR_MS), urgency: "high" };
  if (kind === "thank-you") return { TTL: seconds(12 * HOUR_MS), urgency: "normal" };
  if (kind === "digest") return { TTL: seconds(12 * HOUR_MS), urgency: "normal" };
  return { TTL: seconds(HOUR_MS), urgency: "normal" };
}
