import { expect, type Page } from "@playwright/test";
import { addApplication } from "../fixtures";
import { row, rows, run, shifted, sql } from "./db";
import { DAY, HOUR, logRound } from "./timeline";

/** The thank-you step for a second interview, whatever day it was on ("… on Mon 30 Nov"). */
export const THANK_YOU_SECOND = /^Send a thank-you for your second interview on /;

/**
 * One step card, found by its title; on the dashboard, `company` picks the
 * application's block it sits in.
 */
export function stepCard(page: Page, title: string | RegExp, company?: string) {
  const scope = company ? page.getByTestId("today-block").filter({ hasText: company }) : page;
  return scope.getByTestId("step").filter({ has: page.getByRole("heading", { name: title, exact: typeof title === "string" }) });
}

/** An application's block under Today on the dashboard. */
export const todayBlock = (page: Page, company: string) => page.getByTestId("today-block").filter({ hasText: company });

/**
 * An application whose second round ended 30 hours ago with no thank-you:
 * round 1 ten days ago (thanked the same day), round 2 starting 31 hours
 * ago for an hour.
 */
export async function secondRoundThirtyHoursAgo(page: Page, company: string): Promise<{ appId: string; round2Id: string }> {
  const appId = await addApplication(page, { company, roleTitle: "Data Engineer" });
  await logRound(page, { kind: "First interview", startsAt: new Date(Date.now() - 10 * DAY), duration: "60" });
  await logRound(page, {
    kind: "Second interview",
    startsAt: new Date(Date.now() - 31 * HOUR),
    duration: "60",
    people: [{ name: "Maya Chen", title: "Head of Data" }],
    signals: ["Met the team or senior people", "Technical questions"],
  });
  const round2Id = (await row<{ id: string }>(sql`select id from rounds where application_id = ${appId} and kind = 'second'`))!.id;
  await run(
    sql`update rounds set thank_you_sent_at = ${shifted("scheduled_at", 7200)} where application_id = ${appId} and kind = 'first'`,
    // As if each round was logged when it was booked, two days ahead: a round typed in after it
    // happened never makes its thank-you overdue (the catalog's third edition).
    sql`update rounds set created_at = ${shifted("scheduled_at", -172800)} where application_id = ${appId}`,
    sql`update applications set created_at = ${shifted("created_at", -12 * 86400)} where id = ${appId}`,
  );
  await page.reload();
  return { appId, round2Id };
}

export async function thankYouOf(roundId: string): Promise<number | null> {
  return (await row<{ t: number | null }>(sql`select thank_you_sent_at t from rounds where id = ${roundId}`))?.t ?? null;
}

export function stepsOf(applicationId: string): Promise<{ key: string; state: string; until: number | null }[]> {
  return rows(sql`select key, state, until from guidance_steps where application_id = ${applicationId} order by key`);
}

export async function expectGone(page: Page, title: string | RegExp, company?: string) {
  await expect(stepCard(page, title, company)).toHaveCount(0);
}
