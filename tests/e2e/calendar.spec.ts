import type { APIRequestContext, Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { roundsOf } from "./support/db";
import { DAY, logRound } from "./support/timeline";

/** The VEVENTs of a feed, folded lines joined back, values still escaped as sent. */
function events(text: string): Record<string, string>[] {
  return text
    .replace(/\r\n[ \t]/g, "")
    .split("BEGIN:VEVENT\r\n")
    .slice(1)
    .map((block) =>
      Object.fromEntries(
        block
          .split("\r\n")
          .filter((line) => line.includes(":"))
          .map((line) => [line.slice(0, line.indexOf(":")).split(";")[0], line.slice(line.indexOf(":") + 1)]),
      ),
    );
}

/** "20261201T143000Z" for the round's stored start (unix seconds). */
const icsTime = (unixSeconds: unknown) => new Date(Number(unixSeconds) * 1000).toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

/** A signed-in page with one application and a second interview three days ahead; returns ids and the round's start. */
async function withUpcomingRound(page: Page, company: string) {
  const appId = await addApplication(page, { company, roleTitle: "Engineer", status: "Interviewing" });
  await logRound(page, { kind: "Second interview", startsAt: new Date(Date.now() + 3 * DAY), duration: "45" });
  const [round] = await roundsOf(appId);
  return { appId, roundId: String(round.id), start: icsTime(round.scheduled_at) };
}

async function createFeed(page: Page): Promise<string> {
  await page.goto("/settings");
  await page.getByRole("button", { name: "Create a calendar feed URL" }).click();
  const field = page.getByLabel("Feed URL");
  await expect(field).toHaveValue(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  return field.inputValue();
}

/** Fetches like a calendar app would: no cookies, no redirects followed. */
async function fetchFeed(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

test("a feed URL serves the user's rounds without a session, and regenerating kills the old URL", async ({ signedIn: page, playwright }) => {
  const company = `Feedco ${Date.now()}`;
  const { roundId, start } = await withUpcomingRound(page, company);
  const url = await createFeed(page);
  // A request context of its own: nothing of the browser's session goes with it.
  const anonymous = await playwright.request.newContext();

  const feed = await fetchFeed(anonymous, url);
  expect(feed.status).toBe(200);
  expect(feed.headers["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers["cache-control"]).toContain("no-store");
  expect(feed.body.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
  expect(feed.body.trimEnd().endsWith("END:VCALENDAR")).toBe(true);
  const round = events(feed.body).find((e) => e.UID === `round-${roundId}@shortlist`);
  expect(round).toMatchObject({ SUMMARY: `Second interview · ${company} — Engineer`, DTSTART: start });
  // The upcoming round brings preparation steps with due times along.
  expect(events(feed.body).some((e) => e.UID.startsWith("step-"))).toBe(true);

  await page.getByRole("button", { name: "Regenerate URL" }).click();
  await expect(page.getByText("The current URL stops working at once.")).toBeVisible();
  await page.getByRole("button", { name: "Yes, make a new URL" }).click();
  await expect(page.getByRole("status").filter({ hasText: "New URL made" })).toBeVisible();
  const field = page.getByLabel("Feed URL");
  await expect(field).not.toHaveValue(url);
  const newUrl = await field.inputValue();

  const old = await fetchFeed(anonymous, url);
  expect(old.status).toBe(404);
  expect(old.body).toBe("");
  const fresh = await fetchFeed(anonymous, newUrl);
  expect(fresh.status).toBe(200);
  expect(events(fresh.body).find((e) => e.UID === `round-${roundId}@shortlist`)?.DTSTART).toBe(start);

  await page.getByRole("button", { name: "Turn off feed" }).click();
  await page.getByRole("button", { name: "Yes, turn off the feed" }).click();
  await expect(page.getByRole("button", { name: "Create a calendar feed URL" })).toBeVisible();
  expect((await fetchFeed(anonymous, newUrl)).status).toBe(404);
  await anonymous.dispose();
});

test("the Copy button puts the feed URL on the clipboard", async ({ signedIn: page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const url = await createFeed(page);
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
});

test("one user's feed and downloads never hold another user's data", async ({ browser, playwright }) => {
  const contextA = await browser.newContext();
  const pageA = await contextA.newPage();
  await signUp(pageA, newAccount("ana"));
  const alpha = `Alpha secret ${Date.now()}`;
  const a = await withUpcomingRound(pageA, alpha);
  const urlA = await createFeed(pageA);

  const contextB = await browser.newContext();
  const pageB = await contextB.newPage();
  await signUp(pageB, newAccount("ben"));
  const beta = `Beta ${Date.now()}`;
  await withUpcomingRound(pageB, beta);
  const urlB = await createFeed(pageB);
  expect(urlB).not.toBe(urlA);

  const anonymous = await playwright.request.newContext();
  const feedB = await fetchFeed(anonymous, urlB);
  expect(feedB.status).toBe(200);
  expect(feedB.body).toContain(beta);
  expect(feedB.body).not.toContain(alpha);
  expect(feedB.body).not.toContain(a.roundId);
  expect(feedB.body).not.toContain(a.appId);
  // A's feed still answers with A's data only.
  const feedA = await fetchFeed(anonymous, urlA);
  expect(feedA.body).toContain(a.roundId);
  expect(feedA.body).not.toContain(beta);

  // The one-round download: B's session gets the same 404 as a round that does not exist.
  const download = `/applications/${a.appId}/rounds/${a.roundId}/calendar.ics`;
  const asB = await pageB.request.get(download, { maxRedirects: 0 });
  expect(asB.status()).toBe(404);
  expect(await asB.text()).toBe("");
  expect((await pageB.request.get(`/applications/${a.appId}/rounds/no-such-round/calendar.ics`)).status()).toBe(404);
  // Without a session it is never served: the proxy sends the request to sign in.
  const noSession = await anonymous.get(download, { maxRedirects: 0 });
  expect(noSession.status()).toBe(307);
  expect(noSession.headers()["location"]).toContain("/sign-in");
  // And the owner gets it.
  expect((await pageA.request.get(download)).status()).toBe(200);

  await anonymous.dispose();
  await contextA.close();
  await contextB.close();
});

test("the round's .ics link downloads that round as a file", async ({ signedIn: page }) => {
  const company = `Acme, Inc; ${Date.now()}`;
  const { roundId, start } = await withUpcomingRound(page, company);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Add round 1 to calendar (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^acme-inc-\d+-second-interview\.ics$/);
  const text = readFileSync(await download.path(), "utf8");
  const [event] = events(text);
  expect(event).toMatchObject({
    UID: `round-${roundId}@shortlist`,
    DTSTART: start,
    SUMMARY: `Second interview · ${company.replace(",", "\\,").replace(";", "\\;")} — Engineer`,
  });
});

test("Settings with a feed, and its confirm step, pass axe", async ({ signedIn: page }) => {
  await createFeed(page);
  await expectNoSeriousViolations(page, "settings with a calendar feed");
  await page.getByRole("button", { name: "Regenerate URL" }).click();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectNoSeriousViolations(page, "settings asking to regenerate the feed URL");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("button", { name: "Regenerate URL" })).toBeFocused();
});
