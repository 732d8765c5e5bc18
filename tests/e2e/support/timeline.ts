import { expect, type Locator, type Page } from "@playwright/test";
import { addDaysToDate, atLocalHour, localDate, toWallTime } from "../../../lib/time/zoned";

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;

/** The zone the browser reports, which sign-up saved as the user's. */
export function browserZone(page: Page): Promise<string> {
  return page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
}

/**
 * `hour`:00 on the day `days` after today in the browser's zone (the
 * account's): "tomorrow at 14:00" is tomorrow at any hour of today, where
 * "25 hours from now" is the day after tomorrow from 23:00 on.
 */
export async function dayAt(page: Page, days: number, hour: number): Promise<Date> {
  const zone = await browserZone(page);
  const at = atLocalHour(addDaysToDate(localDate(new Date(), zone), days), hour, zone);
  if (!at) throw new Error(`no ${hour}:00 in ${zone} ${days} days from now`);
  return at;
}

/** What a person would type into a datetime-local input for `date`. */
export async function typedTime(page: Page, date: Date): Promise<string> {
  return toWallTime(date, await browserZone(page));
}

export type RoundEntry = {
  kind?: string;
  startsAt: Date;
  signals?: string[];
  decisionBy?: string;
  people?: { name: string; title?: string }[];
  duration?: string;
};

async function openDetails(details: Locator) {
  if (!(await details.evaluate((el) => (el as HTMLDetailsElement).open))) await details.locator("summary").first().click();
  await expect(details).toHaveAttribute("open", "");
}

/** Opens one of the round form's folds: "Place, length and prep notes" or "After the round". */
export async function openFold(form: Locator, fold: "round-place" | "round-after") {
  await openDetails(form.getByTestId(fold));
}

/**
 * Opens one of the application page's "Log …" disclosures, unless it is open
 * already; for a round, its two folds too, so every field can be filled.
 */
export async function openLogForm(page: Page, testId: "log-round" | "log-event") {
  const form = page.getByTestId(testId);
  await openDetails(form);
  if (testId === "log-round") {
    await openFold(form, "round-place");
    await openFold(form, "round-after");
  }
  return form;
}

/**
 * Waits for a saved entry: the page comes back with the form closed (it is
 * keyed by the number of entries, so a new one remounts it).
 */
async function saved(page: Page, testId: "log-round" | "log-event") {
  await expect(page.getByTestId(testId)).not.toHaveAttribute("open", "");
}

/** Fills and saves the "Log a round" form on the application page. */
export async function logRound(page: Page, round: RoundEntry) {
  const form = await openLogForm(page, "log-round");
  if (round.kind) await form.getByLabel("Kind").selectOption({ label: round.kind });
  await form.getByLabel("Starts").fill(await typedTime(page, round.startsAt));
  if (round.duration !== undefined) await form.getByLabel("Duration in minutes (optional)").fill(round.duration);
  for (const [i, person] of (round.people ?? []).entries()) {
    if (i > 0) await form.getByRole("button", { name: "Add another person" }).click();
    const row = form.getByRole("group", { name: `Person ${i + 1}` });
    await row.getByLabel("Name").fill(person.name);
    if (person.title) await row.getByLabel("Title (optional)").fill(person.title);
  }
  for (const signal of round.signals ?? []) await form.getByLabel(signal, { exact: true }).check();
  if (round.decisionBy) await form.getByLabel("They expect to decide by").fill(round.decisionBy);
  await form.getByRole("button", { name: "Save round" }).click();
  await saved(page, "log-round");
}

export async function logEvent(page: Page, kind: string, options: { at?: Date; note?: string; refused?: boolean } = {}) {
  const form = await openLogForm(page, "log-event");
  await form.getByLabel("What happened").selectOption({ label: kind });
  if (options.at) await form.getByLabel("When").fill(await typedTime(page, options.at));
  if (options.note) await form.getByLabel("Note (optional)").fill(options.note);
  await form.getByRole("button", { name: "Save event" }).click();
  if (!options.refused) await saved(page, "log-event");
}

/** The headings of the past timeline entries, top to bottom. */
export async function pastEntries(page: Page): Promise<string[]> {
  const past = page.getByRole("region", { name: "Past" });
  await expect(past).toBeVisible();
  return past.getByRole("heading", { level: 4 }).allTextContents();
}

/** Asks to delete round `n` the way a user does: its "More" menu, then "Delete round n…" (the dialog opens). */
export async function askToDeleteRound(page: Page, n: number) {
  const more = page.getByRole("button", { name: `More for round ${n}` });
  const item = page.getByRole("menuitem", { name: `Delete round ${n}…` });
  // A scroll closes the menu (action-menu.tsx), and the scroll that brings the button into view
  // is reported a frame later, after the click has opened it: a page long enough to need one
  // (a day whose steps push the timeline down) would close it again. Open it once it stays open.
  await expect(async () => {
    if (!(await item.isVisible())) await more.click();
    await expect(item).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await item.click();
}
