import { expect, type Page } from "@playwright/test";
import { ownedRows } from "./db";
import { HOUR } from "./timeline";
import type { SeedApp } from "./list";

export const toast = (page: Page) => page.getByTestId("undo-toast");
export const announcer = (page: Page) => page.getByTestId("undo-announcer");

/** The account's rows in an order that does not depend on rowids: an undo puts rows back under new ones. */
export async function rowsAsSet(email: string): Promise<Record<string, string[]>> {
  return Object.fromEntries(Object.entries(await ownedRows(email)).map(([table, rows]) => [table, rows.map((r) => JSON.stringify(r)).sort()]));
}

/** Presses the toast's Undo and waits for its answer. */
export async function undoFromToast(page: Page) {
  await toast(page).getByRole("button", { name: "Undo" }).click();
  await expect(toast(page)).toContainText("Undone:");
}

/** Round 1 thanked ten days ago; round 2 ended 30 hours ago with no thank-you: that step is due. */
export const thankYouOwed = (company: string): SeedApp => ({
  company,
  status: "interviewing",
  rounds: [
    { startsAt: new Date(Date.now() - 240 * HOUR), thankedAt: new Date(Date.now() - 238 * HOUR) },
    { kind: "second", startsAt: new Date(Date.now() - 31 * HOUR) },
  ],
});
