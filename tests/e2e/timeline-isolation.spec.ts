import type { Page } from "@playwright/test";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { ownedRows, row, roundsOf, sql } from "./support/db";
import { askToDeleteRound, DAY, logEvent, logRound, openLogForm } from "./support/timeline";

type Owner = { email: string; appId: string; roundId: string; eventId: string; interviewerId: string };

/** Points a hidden (or any) input of the page at someone else's id before submitting. */
async function swap(page: Page, selector: string, value: string) {
  await page.locator(selector).first().evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
}

async function expect404(page: Page) {
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
}

test.describe("a second user cannot reach the first user's rounds, signals and events", () => {
  let owner: Owner;
  let before: Record<string, unknown[]>;

  test.beforeEach(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const account = newAccount("owner");
    await signUp(page, account);
    const appId = await addApplication(page, { company: "Private Co", roleTitle: "Secret Role" });
    await logRound(page, {
      startsAt: new Date(Date.now() - 2 * DAY),
      signals: ["Met the team or senior people"],
      people: [{ name: "Olga Secret", title: "VP" }],
    });
    await logEvent(page, "Follow-up sent", { note: "private note" });
    await expect(page.getByRole("heading", { level: 4, name: "Follow-up sent" })).toBeVisible();
    await context.close();

    const [round] = await roundsOf(appId);
    const ids = {
      event: (await row<{ id: string }>(sql`select id from events where application_id = ${appId}`))!.id,
      interviewer: (await row<{ id: string }>(sql`select interviewer_id id from round_interviewers where round_id = ${round.id}`))!.id,
    };
    owner = { email: account.email, appId, roundId: round.id as string, eventId: ids.event, interviewerId: ids.interviewer };
    before = await ownedRows(owner.email);
  });

  test.afterEach(async () => {
    expect(await ownedRows(owner.email)).toEqual(before);
  });

  test("the short 'How did it go?' step, pointed at the owner's round, answers 404 and changes nothing", async ({ signedIn: page }) => {
    const ownApp = await addApplication(page, { company: "Mine Ltd", roleTitle: "My Role" });
    await logRound(page, { startsAt: new Date(Date.now() - DAY) });
    const step = page.getByTestId("how-did-it-go");
    await step.locator("summary").click();
    await swap(page, '[data-testid="how-did-it-go"] input[name="roundId"]', owner.roundId);
    await step.getByLabel("Gave specific feedback").check();
    await step.getByRole("button", { name: "Save how round 1 went" }).click();
    await expect404(page);
    const [mine] = await roundsOf(ownApp);
    expect(await row(sql`select count(*) n from round_signals where round_id = ${mine.id}`)).toEqual({ n: 0 });
  });

  test("by URL: the owner's round and event pages answer 404, under either application", async ({ signedIn: page }) => {
    const ownApp = await addApplication(page, { company: "Mine Ltd", roleTitle: "My Role" });
    for (const path of [
      `/applications/${owner.appId}/rounds/${owner.roundId}/edit`,
      `/applications/${ownApp}/rounds/${owner.roundId}/edit`,
      `/applications/${owner.appId}/events/${owner.eventId}/edit`,
      `/applications/${ownApp}/events/${owner.eventId}/edit`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByText("Olga Secret")).toHaveCount(0);
      await expect(page.getByText("private note")).toHaveCount(0);
    }
  });

  test("by posting the round actions with the owner's ids", async ({ signedIn: page }) => {
    const ownApp = await addApplication(page, { company: "Mine Ltd", roleTitle: "My Role" });

    // Add a round to the owner's application.
    let form = await openLogForm(page, "log-round");
    await form.getByLabel("Starts").fill("2026-01-05T10:00");
    await swap(page, '[data-testid="log-round"] input[name="applicationId"]', owner.appId);
    await form.getByRole("button", { name: "Save round" }).click();
    await expect404(page);

    // Pick the owner's contact for a round of one's own.
    await page.goto(`/applications/${ownApp}`);
    form = await openLogForm(page, "log-round");
    await form.getByLabel("Starts").fill("2026-01-05T10:00");
    await page.locator('[data-testid="log-round"] form').evaluate((el, id) => {
      const box = document.createElement("input");
      box.type = "hidden";
      box.name = `interviewer.${id}`;
      box.value = "on";
      el.append(box);
    }, owner.interviewerId);
    await form.getByRole("button", { name: "Save round" }).click();
    await expect404(page);
    expect(await roundsOf(ownApp)).toHaveLength(0);

    // Edit, thank-you and delete, from one's own round with the id swapped.
    await page.goto(`/applications/${ownApp}`);
    await logRound(page, { startsAt: new Date(Date.now() - DAY) });
    const [mine] = await roundsOf(ownApp);
    await page.goto(`/applications/${ownApp}/rounds/${mine.id}/edit`);
    await expect(page.getByRole("heading", { level: 1, name: /^Edit round 1/ })).toBeVisible();
    await swap(page, 'input[name="roundId"]', owner.roundId);
    await page.getByLabel("Notes (optional)", { exact: true }).fill("hijacked");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect404(page);

    await page.goto(`/applications/${ownApp}`);
    await swap(page, 'form:has(button:text("Thank-you sent now")) input[name="roundId"]', owner.roundId);
    await page.getByRole("button", { name: "Thank-you sent now" }).click();
    await expect404(page);

    await page.goto(`/applications/${ownApp}`);
    await askToDeleteRound(page, 1);
    await swap(page, 'dialog[open] input[name="roundId"]', owner.roundId);
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect404(page);
    expect(await roundsOf(ownApp)).toHaveLength(1);
  });

  test("by posting the event actions with the owner's ids", async ({ signedIn: page }) => {
    const ownApp = await addApplication(page, { company: "Mine Ltd", roleTitle: "My Role" });

    const form = await openLogForm(page, "log-event");
    await swap(page, '[data-testid="log-event"] input[name="applicationId"]', owner.appId);
    await form.getByRole("button", { name: "Save event" }).click();
    await expect404(page);

    await page.goto(`/applications/${ownApp}`);
    await logEvent(page, "Response received");
    await page.getByRole("link", { name: /^Edit “Response received”/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Edit “Response received”" })).toBeVisible();
    await swap(page, 'input[name="eventId"]', owner.eventId);
    await page.getByLabel("Note (optional)").fill("hijacked");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect404(page);

    await page.goto(`/applications/${ownApp}`);
    await page.getByRole("button", { name: /^Delete “Response received”/ }).click();
    await swap(page, 'dialog[open] input[name="eventId"]', owner.eventId);
    await page.getByRole("button", { name: "Delete for good" }).click();
    await expect404(page);
  });
});
