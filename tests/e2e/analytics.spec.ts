import { expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { daysAfterRound, seedHistory, tableRows } from "./support/analytics";

/**
 * Six applications past "saved" (one archived) and one only saved. Expected:
 * furthest stages applied, screen, final, offer, second and screen; screens
 * answered after 3, 5 and 1 days; first rounds after 2 and 4; the offer 5
 * days after its second round; two rounds still waiting.
 */
async function seedKnownAccount(email: string) {
  await seedHistory(email, [
    { company: "Saved Co", status: "saved" },
    { company: "Applied Co", status: "applied" },
    {
      company: "Screen Co",
      status: "screening",
      rounds: [{ kind: "screen", daysAgo: 40, signals: ["met_team"] }],
      events: [{ kind: "response_received", at: daysAfterRound(0, 3) }],
    },
    {
      company: "Final Co",
      status: "interviewing",
      rounds: [{ kind: "final", daysAgo: 20, signals: ["met_team", "long_term_discussion", "hiring_timeline", "role_skills"] }],
    },
    {
      company: "Offer Co",
      status: "offer",
      archived: true,
      rounds: [
        { kind: "first", daysAgo: 30 },
        { kind: "second", daysAgo: 25, loggedAfter: 2, signals: ["met_team", "constructive_feedback"] },
      ],
      events: [{ kind: "offer_received", at: daysAfterRound(1, 5) }],
    },
    {
      company: "Ghost Co",
      status: "ghosted",
      rounds: [
        { kind: "screen", daysAgo: 60 },
        { kind: "first", daysAgo: 50, loggedAfter: 5 },
        { kind: "second", daysAgo: 40, loggedAfter: 4 },
      ],
      events: [{ kind: "follow_up_sent", at: daysAfterRound(2, 8) }],
    },
    {
      company: "Reject Co",
      status: "rejected",
      rounds: [{ kind: "screen", daysAgo: 15 }],
      events: [{ kind: "rejection_received", at: daysAfterRound(0, 1) }],
    },
  ]);
}

test("a seeded account sees its funnel, response times and outcomes by signals", async ({ signedIn: page, account }) => {
  await seedKnownAccount(account.email);
  await page.goto("/analytics");
  await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  await expect(page.getByText("Based on 6 applications and 8 rounds.")).toBeVisible();

  expect(await tableRows(page, "funnel-table")).toEqual([
    ["Applied", "6", "–", "–"],
    ["Screen", "5", "83%", "6"],
    ["First round", "3", "60%", "5"],
    ["Second round", "3", "100%", "3small sample"],
    ["Final round", "2", "67%", "3small sample"],
    ["Offer", "1", "50%", "2small sample"],
  ]);
  expect(await tableRows(page, "response-table")).toEqual([
    ["Screening call", "3 days", "3small sample", "0"],
    ["First interview", "3 days", "2small sample", "0"],
    ["Second interview", "5 days", "1small sample", "1"],
    ["Final interview", "–", "0", "1"],
  ]);
  await expect(page.getByText("(2 rounds are still waiting)")).toBeVisible();
  expect(await tableRows(page, "outcomes-table")).toEqual([
    ["0–1 of 4", "1small sample", "0", "0", "1", "0", "0"],
    ["2 of 4", "1small sample", "1", "0", "0", "0", "0"],
    ["3–4 of 4", "1small sample", "0", "0", "0", "1", "0"],
  ]);

  // Charts are drawn, hidden from assistive technology in favour of the tables.
  const charts = page.getByTestId("chart");
  await expect(charts).toHaveCount(3);
  for (const chart of await charts.all()) {
    await expect(chart).toHaveAttribute("aria-hidden", "true");
    await expect(chart.getByTestId("chart-bar").first()).toBeVisible();
  }
  await expectNoSeriousViolations(page, "analytics with data");
});

test("another account sees only its own, empty, analytics", async ({ signedIn: page, account, browser }) => {
  await seedKnownAccount(account.email);
  const context = await browser.newContext();
  const other = await context.newPage();
  await signUp(other, newAccount("other"));
  await other.goto("/analytics");
  await expect(other.getByTestId("analytics-empty")).toBeVisible();
  await expect(other.getByTestId("funnel-table")).toHaveCount(0);
  await expect(other.getByText(/Based on/)).toHaveCount(0);
  await expectNoSeriousViolations(other, "empty analytics");
  await context.close();

  // And the first account's numbers are still its own.
  await page.goto("/analytics");
  await expect(page.getByText("Based on 6 applications and 8 rounds.")).toBeVisible();
});

test("the charts are drawn on the server: bars to scale without JavaScript, and no chart code loaded", async ({ signedIn: page, account, browser }) => {
  await seedKnownAccount(account.email);
  const scripts: string[] = [];
  page.on("response", (res) => {
    if (res.request().resourceType() === "script") scripts.push(res.url());
  });
  await page.goto("/analytics");
  await expect(page.getByTestId("funnel-table")).toBeVisible();
  // recharts, or any chart library, would name its SVG classes in the code it ships.
  for (const url of scripts) expect(await (await page.request.get(url)).text(), url).not.toMatch(/recharts|chart-bar/);

  const context = await browser.newContext({ javaScriptEnabled: false, storageState: await page.context().storageState() });
  const noJs = await context.newPage();
  await noJs.goto("/analytics");
  const funnel = noJs.getByTestId("chart").first();
  await expect(funnel).toBeVisible();
  // Applied 6, Screen 5, ... Offer 1: each bar's length is its count on one axis.
  const widths = await funnel.getByTestId("chart-bar").evaluateAll((bars) => bars.map((b) => b.getBoundingClientRect().width));
  expect(widths).toHaveLength(6);
  for (const [i, count] of [6, 5, 3, 3, 2, 1].entries()) expect(widths[i] / widths[0]).toBeCloseTo(count / 6, 2);
  await context.close();
});
