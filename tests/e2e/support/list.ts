import { randomUUID } from "node:crypto";
import { instant, instantMs, run, sql, userIdOf, type Sql } from "./db";
import { DAY, HOUR } from "./timeline";

export type SeedApp = {
  company: string;
  roleTitle?: string;
  status?: string;
  excitement?: number;
  /** Rounds by start time; each an hour long, outcome pending. */
  rounds?: { startsAt: Date; kind?: string; thankedAt?: Date }[];
  followUps?: Date[];
  /** Milliseconds before now of the last update, to fix the default order. */
  updatedAgo?: number;
};

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const BOOKED_AHEAD = 2 * DAY;

/**
 * Writes applications straight into the server's database for the account,
 * in one transaction: sixty through the form would take minutes. Returns the
 * ids by company.
 */
export async function seedApplications(email: string, apps: SeedApp[]): Promise<Record<string, string>> {
  const userId = await userIdOf(email);
  const statements: Sql[] = [];
  const ids: Record<string, string> = {};
  for (const app of apps) {
    const id = randomUUID();
    ids[app.company] = id;
    // Each fact logged as it happened (a round when it was booked, two days ahead), as by
    // someone who keeps Shortlist up to date: nothing here was typed in late.
    const firstFact = Math.min(Date.now(), ...(app.rounds ?? []).map((r) => r.startsAt.getTime() - BOOKED_AHEAD), ...(app.followUps ?? []).map((d) => d.getTime()));
    statements.push(
      sql`insert into applications (id, user_id, company, role_title, status, excitement, updated_at, created_at)
          values (${id}, ${userId}, ${app.company}, ${app.roleTitle ?? "Engineer"}, ${app.status ?? "applied"}, ${app.excitement ?? null},
                  ${instantMs(Date.now() - (app.updatedAgo ?? 0))}, ${instant(seconds(new Date(firstFact)))})`,
    );
    for (const r of app.rounds ?? []) {
      const booked = new Date(Math.min(Date.now(), r.startsAt.getTime() - BOOKED_AHEAD));
      statements.push(
        sql`insert into rounds (id, user_id, application_id, kind, scheduled_at, duration_minutes, thank_you_sent_at, created_at)
            values (${randomUUID()}, ${userId}, ${id}, ${r.kind ?? "first"}, ${instant(r.startsAt)}, 60, ${instant(r.thankedAt ?? null)}, ${instant(booked)})`,
      );
    }
    for (const at of app.followUps ?? []) {
      statements.push(
        sql`insert into events (id, user_id, application_id, kind, occurred_at, created_at)
            values (${randomUUID()}, ${userId}, ${id}, 'follow_up_sent', ${instant(at)}, ${instant(at)})`,
      );
    }
  }
  await run(...statements);
  return ids;
}

const ago = (ms: number) => new Date(Date.now() - ms);

/** A second round forty days ago, then two unanswered follow-ups, the last ten days ago: the move-on rule fires. */
export const unansweredApp = (company: string): SeedApp => ({
  company,
  roleTitle: "Platform Engineer",
  status: "interviewing",
  rounds: [{ kind: "second", startsAt: ago(40 * DAY), thankedAt: ago(40 * DAY - 2 * HOUR) }],
  followUps: [ago(25 * DAY), ago(10 * DAY)],
});
