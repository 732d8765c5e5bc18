import { addApplication, expect, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { chooseTheme } from "./support/comfort";
import { roundsOf, signalsOf } from "./support/db";
import { DAY, logRound, typedTime } from "./support/timeline";

const SHOTS = process.env.SHOTS_DIR;
const round = (page: import("@playwright/test").Page, n: number, kind: string) => page.getByRole("article", { name: `Round ${n} · ${kind}` });

test("booking asks for the kind, time, format and people; the rest folds away until the round has happened", async ({ signedIn: page }) => {
  await addApplication(page, { company: "Moment Co", roleTitle: "Engineer" });
  const form = page.getByTestId("log-round");
  await form.locator("summary").first().click();
  await expect(form.getByTestId("round-form-mode")).toHaveAttribute("data-mode", "booking");
  for (const field of ["Kind", "Starts", "Format"]) await expect(form.getByLabel(field, { exact: true })).toBeVisible();
  await expect(form.getByRole("group", { name: "Person 1" }).getByLabel("Name")).toBeVisible();
  await expect(form.getByTestId("round-after")).not.toHaveAttribute("open", "");
  await expect(form.getByTestId("round-place")).not.toHaveAttribute("open", "");
  await expect(form.getByLabel("Talked about the long term")).toBeHidden();
  await expect(form.getByLabel("Outcome")).toBeHidden();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/round-form-booking.png`, fullPage: true });

  // A start already past: the form turns to how it went.
  await form.getByLabel("Starts").fill(await typedTime(page, new Date(Date.now() - 3 * 60 * 60 * 1000)));
  await expect(form.getByTestId("round-form-mode")).toHaveAttribute("data-mode", "debrief");
  await expect(form.getByTestId("round-after")).toHaveAttribute("open", "");
  await expect(form.getByLabel("Talked about the long term")).toBeVisible();
  await expectNoSeriousViolations(page, "round form, debrief, light");
  // Back to a future start: the fold stays as the user left it (open), nothing typed is lost.
  await form.getByLabel("Starts").fill(await typedTime(page, new Date(Date.now() + 3 * DAY)));
  await expect(form.getByTestId("round-form-mode")).toHaveAttribute("data-mode", "booking");
  await expect(form.getByTestId("round-after")).toHaveAttribute("open", "");
});

test("the timeline: past rounds lose Add to calendar, recent ones ask how they went, older ones are left alone, Delete sits in a menu", async ({
  signedIn: page,
}) => {
  const appId = await addApplication(page, { company: "Timeline Co", roleTitle: "Designer" });
  await logRound(page, { startsAt: new Date(Date.now() - 10 * DAY) });
  await logRound(page, { startsAt: new Date(Date.now() - 2 * DAY), people: [{ name: "Ann Lee", title: "Design lead" }] });
  await logRound(page, { startsAt: new Date(Date.now() + 3 * DAY) });

  const old = round(page, 1, "First interview");
  const recent = round(page, 2, "Second interview");
  const ahead = round(page, 3, "Final interview");
  await expect(ahead.getByRole("link", { name: "Add round 3 to calendar (.ics)" })).toBeVisible();
  await expect(recent.getByRole("link", { name: /to calendar/ })).toHaveCount(0);
  await expect(old.getByRole("link", { name: /to calendar/ })).toHaveCount(0);
  await expect(old.getByText(/No signals noted yet/)).toHaveCount(0);
  await expect(old.getByTestId("how-did-it-go")).toHaveCount(0);
  await expect(ahead.getByTestId("how-did-it-go")).toHaveCount(0);
  // No red Delete on each round: it is one item in a small menu.
  await expect(page.getByRole("button", { name: /^Delete round/ })).toHaveCount(0);

  const step = recent.getByTestId("how-did-it-go");
  await expect(step).toContainText("How did round 2 go?");
  await step.locator("summary").click();
  await expectNoSeriousViolations(page, "timeline with 'How did it go?' open, light");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/1366-application.png`, fullPage: true });
  await chooseTheme(page, "Dark");
  // A fresh page, so the step is opened once, not raced against the theme's refresh.
  await page.reload();
  await step.locator("summary").click();
  await expect(step).toHaveAttribute("open", "");
  await expectNoSeriousViolations(page, "timeline with 'How did it go?' open, dark");

  await step.getByLabel("Outcome").selectOption({ label: "Moved on to the next round" });
  await step.getByLabel("Met the team or senior people").check();
  await step.getByRole("button", { name: "Save how round 2 went" }).click();
  await expect(recent.getByText("Positive signs: 1 of 4")).toBeVisible();
  await expect(recent.getByTestId("how-did-it-go")).toHaveCount(0);
  // The rest of the round is as it was: its people, its time.
  await expect(recent.getByText("With Ann Lee (Design lead)")).toBeVisible();
  const saved = (await roundsOf(appId))[1];
  expect(saved.outcome).toBe("advanced");
  expect((await signalsOf(saved.id as string)).map((s) => s.signal)).toEqual(["met_team"]);

  // The round's menu, by keyboard: Enter opens it on Delete, which asks first; Escape keeps the round.
  const more = recent.getByRole("button", { name: "More for round 2" });
  await more.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Delete round 2…" })).toBeFocused();
  await expectNoSeriousViolations(page, "round menu open, dark");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Delete round 2?" });
  await expect(dialog.getByRole("button", { name: "Keep it" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await roundsOf(appId)).toHaveLength(3);

  // Editing a past round opens on how it went.
  await recent.getByRole("link", { name: "Edit round 2" }).click();
  await expect(page.getByTestId("round-form-mode")).toHaveAttribute("data-mode", "debrief");
  await expect(page.getByTestId("round-after")).toHaveAttribute("open", "");
  await expectNoSeriousViolations(page, "round edit, dark");
});
