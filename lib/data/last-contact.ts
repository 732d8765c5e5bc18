import "server-only";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/open";

/** What the company sent: the user's own follow-ups and requests are contact, but not hearing back. */
const FROM_THEM = ["response_received", "feedback_received", "offer_received", "rejection_received"];

/**
 * Per application: `at`, its last contact either way (an event or a round
 * that has started); `heardAt`, the last time the company was heard from
 * (a round or one of their replies); `appliedOn`, a calendar date with no
 * time zone, for when neither exists.
 */
export type LastContact = { applicationId: string; at: Date | null; heardAt: Date | null; appliedOn: string | null };

const toDate = (seconds: number | null) => (seconds ? new Date(seconds * 1000) : null);

/** Scoped to the user: another user's ids find nothing. */
export function lastContacts(db: Queryable, { userId, applicationIds, now }: { userId: string; applicationIds: readonly string[]; now: Date }): LastContact[] {
  const ids = JSON.stringify(applicationIds);
  const seconds = Math.floor(now.getTime() / 1000);
  const rows = db.all<{ id: string; applied_on: string | null; last_event: number | null; last_reply: number | null; last_round: number | null }>(sql`
    select a.id, a.applied_on,
      (select max(e.occurred_at) from events e where e.user_id = ${userId} and e.application_id = a.id) as last_event,
      (select max(e.occurred_at) from events e where e.user_id = ${userId} and e.application_id = a.id
        and e.kind in (select value from json_each(${JSON.stringify(FROM_THEM)}))) as last_reply,
      (select max(r.scheduled_at) from rounds r where r.user_id = ${userId} and r.application_id = a.id and r.scheduled_at <= ${seconds}) as last_round
    from applications a
    where a.user_id = ${userId} and a.id in (select value from json_each(${ids}))`);
  return rows.map((r) => ({
    applicationId: r.id,
    at: toDate(Math.max(r.last_event ?? 0, r.last_round ?? 0) || null),
    heardAt: toDate(Math.max(r.last_reply ?? 0, r.last_round ?? 0) || null),
    appliedOn: r.applied_on,
  }));
}
