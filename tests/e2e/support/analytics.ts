import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { instant, run, sql, userIdOf, type Sql } from "./db";

const DAY = 86_400;
const HOUR = 3_600;

type SeedRound = { kind: string; daysAgo: number; loggedAfter?: number; signals?: string[] };
type SeedApp = {
  company: string;
  status: string;
  archived?: boolean;
  rounds?: SeedRound[];
  events?: { kind: string; at: (roundEnds: number[]) => number }[];
};

/**
 * Writes applications, hour-long rounds (logged at the time given, else a
 * day before they start), signals and events straight into the server's
 * database: building this through the forms would take minutes.
 */
export async function seedHistory(email: string, apps: SeedApp[]) {
  const now = Math.floor(Date.now() / 1000);
  const userId = await userIdOf(email);
  const statements: Sql[] = [];
  for (const app of apps) {
    const appId = randomUUID();
    statements.push(
      sql`insert into applications (id, user_id, company, role_title, status, archived_at)
          values (${appId}, ${userId}, ${app.company}, 'Engineer', ${app.status}, ${instant(app.archived ? now : null)})`,
    );
    const ends: number[] = [];
    for (const round of app.rounds ?? []) {
      const roundId = randomUUID();
      const start = now - round.daysAgo * DAY;
      const previousEnd = ends.at(-1);
      const logged = round.loggedAfter !== undefined && previousEnd !== undefined ? previousEnd + round.loggedAfter * DAY : start - DAY;
      statements.push(
        sql`insert into rounds (id, user_id, application_id, kind, scheduled_at, duration_minutes, created_at)
            values (${roundId}, ${userId}, ${appId}, ${round.kind}, ${instant(start)}, 60, ${instant(logged)})`,
      );
      ends.push(start + HOUR);
      for (const signal of round.signals ?? []) statements.push(sql`insert into round_signals (user_id, round_id, signal) values (${userId}, ${roundId}, ${signal})`);
    }
    for (const event of app.events ?? []) {
      statements.push(
        sql`insert into events (id, user_id, application_id, kind, occurred_at) values (${randomUUID()}, ${userId}, ${appId}, ${event.kind}, ${instant(event.at(ends))})`,
      );
    }
  }
  await run(...statements);
}

export const daysAfterRound = (index: number, days: number) => (ends: number[]) => ends[index] + days * DAY;

/** A table's body as text, row by row, cell by cell (the row header first). */
export function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())));
}
