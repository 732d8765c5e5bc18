import type { ReminderCarries, ReminderKind } from "@/lib/vocabulary";
import type { ReminderHours } from "./timing";

export type { ReminderCarries } from "@/lib/vocabulary";

/** One account-level switch per channel, on by default: per-item settings are what nobody used elsewhere. */
export type ReminderSettings = ReminderHours & { emailOn: boolean; emailCarries: ReminderCarries };

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = { emailOn: true, emailCarries: "all", digestHour: 8, quietFrom: 21, quietUntil: 8 };

/** Whether a channel set to carry `carries` takes a reminder of this kind ("Send a test" goes everywhere). */
export function carries(carries: ReminderCarries, kind: ReminderKind): boolean {
  if (kind === "test" || carries === "all") return true;
  return carries === "digest" ? kind === "digest" : kind !== "digest";
}
