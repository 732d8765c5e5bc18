import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { writeDb } from "./db";

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
export function seedHistory(email: string, apps: SeedApp[]) {
  const now = Math.floor(Date.now() / 1000);
  writeDb((db) => {
    const { id: userId } = db.prepare("select id from users where email = ?").get(email) as { id: string };
    const addApp = db.prepare(
      "insert into applications (id, user_id, company, role_title, status, archived_at) values (?, ?, ?, 'Engineer', ?, ?)",
    );
    const addRound = db.prepare(
      "insert into rounds (id, user_id, application_id, kind, scheduled_at, duration_minutes, created_at) values (?, ?, ?, ?, ?, 60, ?)",
    );
    const addSignal = db.prepare("insert into round_signals (user_id, round_id, signal) values (?, ?, ?)");
    const addEvent = db.prepare("insert into events (id, user_id, application_id, kind, occurred_at) values (?, ?, ?, ?, ?)");
    db.transaction(() => {
      for (const app of apps) {
        const appId = randomUUID();
        addApp.run(appId, userId, app.company, app.status, app.archived ? now : null);
        const ends: number[] = [];
        for (const round of app.rounds ?? []) {
          const roundId = randomUUID();
          const start = now - round.daysAgo * DAY;
          const previousEnd = ends.at(-1);
          const logged = round.loggedAfter !== undefined && previousEnd !== undefined ? previousEnd + round.loggedAfter * DAY : start - DAY;
          addRound.run(roundId, userId, appId, round.kind, start, logged);
          ends.push(start + HOUR);
          for (const signal of round.signals ?? []) addSignal.run(userId, roundId, signal);
        }
        for (const event of app.events ?? []) addEvent.run(randomUUID(), userId, appId, event.kind, event.at(ends));
      }
    })();
  });
}

export const daysAfterRound = (index: number, days: number) => (ends: number[]) => ends[index] + days * DAY;

/** A table's body as text, row by row, cell by cell (the row header first). */
export function tableRows(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? "").trim())));
}
