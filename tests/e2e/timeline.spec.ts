import { addApplication, expect, test } from "./fixtures";
import { applicationRow, eventsOf, roundsOf, run, signalsOf, sql, timeZoneOf } from "./support/db";
import { askToDeleteRound, DAY, HOUR, logEvent, logRound, openLogForm, pastEntries, typedTime } from "./support/timeline";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

test("log a second round with signals, send the thank-you, follow up, and read it all back in order", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Acme Robotics", roleTitle: "Platform Engineer" });
  await expect(page.getByText("Nothing logged yet")).toBeVisible();

  await logRound(page, { startsAt: new Date(Date.now() - 10 * DAY), people: [{ name: "Ann Lee", title: "Engineering Manager" }] });
  await expect(page.getByRole("heading", { name: "Round 1 · First interview" })).toBeVisible();

  // The form guesses "second" for the next round and offers Ann again.
  const decisionBy = isoDate(new Date(Date.now() + 5 * DAY));
  const form = await openLogForm(page, "log-round");
  await expect(form.getByLabel("Kind")).toHaveValue("second");
  await form.getByLabel(/Ann Lee/).check();
  await logRound(page, {
    startsAt: new Date(Date.now() - 3 * DAY),
    signals: ["Talked about the long term", "Gave a hiring timeline"],
    decisionBy,
  });
  const round2 = page.getByRole("article", { name: "Round 2 · Second interview" });
  await expect(round2.getByText("Positive signs: 2 of 4")).toBeVisible();
  await expect(round2.getByText(/Gave a hiring timeline: decision by/)).toBeVisible();
  await expect(round2.getByText("With Ann Lee (Engineering Manager)")).toBeVisible();

  await round2.getByRole("button", { name: "Thank-you sent now" }).click();
  await expect(round2.getByText(/Thank-you sent just now/)).toBeVisible();

  await logEvent(page, "Follow-up sent", { note: "Asked about the timeline" });
  await expect(page.getByRole("heading", { level: 4, name: "Follow-up sent" })).toBeVisible();

  await page.reload();
  expect(await pastEntries(page)).toEqual(["Follow-up sent", "Round 2 · Second interview", "Round 1 · First interview"]);
  await expect(page.getByRole("region", { name: "Upcoming" }).getByText("No interviews booked.")).toBeVisible();

  // What the database holds: times in UTC, the signals with the date, the event.
  const [first, second] = await roundsOf(appId);
  expect(first.kind).toBe("first");
  expect(second.kind).toBe("second");
  expect(second.thank_you_sent_at).toEqual(expect.any(Number));
  expect(Math.abs((second.thank_you_sent_at as number) * 1000 - Date.now())).toBeLessThan(5 * 60_000);
  expect(await signalsOf(second.id as string)).toEqual([
    { signal: "hiring_timeline", on_date: decisionBy },
    { signal: "long_term_discussion", on_date: null },
  ]);
  expect(await eventsOf(appId)).toMatchObject([{ kind: "follow_up_sent", note: "Asked about the timeline" }]);
  expect(await applicationRow(appId)).toMatchObject({ status: "interviewing" });
});

test("edit a round, then delete one: the rest are renumbered", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Bramble", roleTitle: "Data Engineer" });
  await logRound(page, { startsAt: new Date(Date.now() - 9 * DAY) });
  await logRound(page, { startsAt: new Date(Date.now() - 2 * DAY), signals: ["Met the team or senior people", "Company fit"] });

  const round2 = page.getByRole("article", { name: "Round 2 · Second interview" });
  await round2.getByRole("link", { name: "Edit round 2" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit round 2: second interview" })).toBeVisible();
  await expect(page.getByLabel("Met the team or senior people")).toBeChecked();
  await page.getByLabel("Company fit").uncheck();
  await page.getByLabel("Gave specific feedback").check();
  await page.getByLabel("Outcome").selectOption({ label: "Moved on to the next round" });
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(round2.getByText("Moved on to the next round")).toBeVisible();
  await expect(round2.getByText("Positive signs: 2 of 4")).toBeVisible();
  await expect(round2.getByText("Company fit")).toHaveCount(0);
  const edited = (await roundsOf(appId))[1];
  expect(edited.outcome).toBe("advanced");
  expect((await signalsOf(edited.id as string)).map((s) => s.signal)).toEqual(["constructive_feedback", "met_team"]);

  // Deleting asks first; "Keep it" leaves everything alone.
  await askToDeleteRound(page, 1);
  const dialog = page.getByRole("dialog", { name: "Delete round 1?" });
  await dialog.getByRole("button", { name: "Keep it" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Round \d/ })).toHaveCount(2);
  expect(await roundsOf(appId)).toHaveLength(2);
  await askToDeleteRound(page, 1);
  await dialog.getByRole("button", { name: "Delete for good" }).click();

  await expect(page.getByRole("heading", { name: "Round 1 · Second interview" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /First interview/ })).toHaveCount(0);
  expect((await roundsOf(appId)).map((r) => r.kind)).toEqual(["second"]);
});

test("unticking the hiring timeline removes it and its date", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Fjord", roleTitle: "Designer" });
  const decisionBy = isoDate(new Date(Date.now() + 4 * DAY));
  await logRound(page, { startsAt: new Date(Date.now() - DAY), signals: ["Gave a hiring timeline"], decisionBy });
  const [round] = await roundsOf(appId);
  expect(await signalsOf(round.id as string)).toEqual([{ signal: "hiring_timeline", on_date: decisionBy }]);

  await page.getByRole("link", { name: "Edit round 1" }).click();
  await expect(page.getByLabel("They expect to decide by")).toHaveValue(decisionBy);
  await page.getByLabel("Gave a hiring timeline").uncheck();
  await expect(page.getByLabel("They expect to decide by")).toBeDisabled();
  await page.getByLabel("No next steps were given").check();
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByText("No next steps given")).toBeVisible();
  expect(await signalsOf(round.id as string)).toEqual([]);
  expect((await roundsOf(appId))[0].no_next_steps).toBe(1);
});

test("the round form explains each problem beside its field and keeps what was typed", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Cobalt", roleTitle: "SRE" });
  const form = await openLogForm(page, "log-round");
  const start = new Date(Date.now() - 2 * DAY);
  await form.getByLabel("Starts").fill(await typedTime(page, start));
  await form.getByLabel("Duration in minutes (optional)").fill("0");
  await form.getByLabel("Thank-you sent (optional)").fill(await typedTime(page, new Date(start.getTime() - HOUR)));
  await form.getByLabel("Talked about the long term").check();
  await form.getByLabel("Gave a hiring timeline").check();
  await form.getByLabel("They expect to decide by").fill(isoDate(new Date(start.getTime() - 3 * DAY)));
  await form.getByRole("button", { name: "Save round" }).click();

  await expect(form.locator("#field-durationMinutes-error")).toHaveText(/can't end before it starts/);
  await expect(form.locator("#field-thankYouSentAt-error")).toHaveText(/can't be sent before the round starts/);
  await expect(form.locator("#field-hiringTimelineOn-error")).toHaveText(/can't be before the round/);
  await expect(form.getByLabel("Duration in minutes (optional)")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Talked about the long term")).toBeChecked();
  await expect(form.getByLabel("Duration in minutes (optional)")).toHaveValue("0");
  expect(await roundsOf(appId)).toHaveLength(0);

  // A future round can't have an outcome yet, and a future event can't be logged.
  await form.getByLabel("Duration in minutes (optional)").fill("45");
  await form.getByLabel("Thank-you sent (optional)").fill("");
  await form.getByLabel("They expect to decide by").fill(isoDate(new Date(Date.now() + 9 * DAY)));
  await form.getByLabel("Starts").fill(await typedTime(page, new Date(Date.now() + 2 * DAY)));
  await form.getByLabel("Outcome").selectOption({ label: "Led to an offer" });
  await form.getByRole("button", { name: "Save round" }).click();
  await expect(form.locator("#field-outcome-error")).toHaveText(/hasn't happened yet/);

  await logEvent(page, "Response received", { at: new Date(Date.now() + DAY), refused: true });
  await expect(page.getByTestId("log-event").locator("#event-occurredAt-error")).toHaveText(/can't be dated in the future/);
  expect(await eventsOf(appId)).toHaveLength(0);
});

test("offers, rejections and withdrawals move the status; impossible moves are refused; undo puts it back", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Dovetail", roleTitle: "QA Lead", status: "Interviewing" });

  await logEvent(page, "Withdrew", { note: "Took another offer" });
  await expect(page.getByText("Withdrawn", { exact: true })).toBeVisible();
  expect(await applicationRow(appId)).toMatchObject({ status: "withdrawn" });

  await logEvent(page, "Offer received", { refused: true });
  await expect(page.getByTestId("log-event").locator("#event-kind-error")).toHaveText(/marked Withdrawn/);
  expect((await eventsOf(appId)).map((e) => e.kind)).toEqual(["withdrawn"]);
  expect(await applicationRow(appId)).toMatchObject({ status: "withdrawn" });

  const withdrawn = page.getByRole("article", { name: "Withdrew" });
  await withdrawn.getByRole("button", { name: /^Delete “Withdrew”/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByRole("article", { name: "Withdrew" })).toHaveCount(0);
  expect(await applicationRow(appId)).toMatchObject({ status: "interviewing" });

  await logEvent(page, "Offer received");
  await expect(page.getByText("Offer", { exact: true })).toBeVisible();
  expect(await applicationRow(appId)).toMatchObject({ status: "offer" });
});

test("editing an event changes its time and note", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Elm & Oak", roleTitle: "Analyst" });
  await logEvent(page, "Follow-up sent", { at: new Date(Date.now() - 3 * DAY) });
  await page.getByRole("link", { name: /^Edit “Follow-up sent”/ }).click();
  await page.getByLabel("Note (optional)").fill("Short note to the recruiter");
  await page.getByLabel("When").fill(await typedTime(page, new Date(Date.now() - 2 * DAY)));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("article", { name: "Follow-up sent" }).getByText("Short note to the recruiter")).toBeVisible();
  await expect(page.getByRole("article", { name: "Follow-up sent" }).getByText("(2 days ago)")).toBeVisible();
  expect(await eventsOf(appId)).toMatchObject([{ kind: "follow_up_sent", note: "Short note to the recruiter" }]);
});

test.describe("in New York", () => {
  test.use({ timezoneId: "America/New_York" });

  test("times are typed and shown in the user's zone and stored in UTC", async ({ signedIn: page }) => {
    const appId = await addApplication(page, { company: "Gotham Data", roleTitle: "Analyst" });
    const form = await openLogForm(page, "log-round");
    await expect(form.getByText("Your time (America/New_York).")).toBeVisible();
    await form.getByLabel("Starts").fill("2030-01-15T09:30");
    await form.getByRole("button", { name: "Save round" }).click();
    await expect(page.getByText("Tue, 15 Jan 2030, 09:30", { exact: true })).toBeVisible();
    expect((await roundsOf(appId))[0].scheduled_at).toBe(Date.UTC(2030, 0, 15, 14, 30) / 1000);
  });
});

test.describe("on a device set to UTC", () => {
  test.use({ timezoneId: "UTC" });

  test("changing the time zone in Settings changes how times read, never when they happen", async ({ signedIn: page }) => {
    const appId = await addApplication(page, { company: "Kyoto Systems", roleTitle: "Engineer" });
    const form = await openLogForm(page, "log-round");
    await form.getByLabel("Starts").fill("2030-01-15T09:30");
    await form.getByRole("button", { name: "Save round" }).click();
    await expect(page.getByText("Tue, 15 Jan 2030, 09:30", { exact: true })).toBeVisible();
    const stored = (await roundsOf(appId))[0].scheduled_at;

    await page.goto("/settings");
    await page.getByLabel("Your time zone").fill("tokyo");
    await page.getByRole("option", { name: /^Asia\/Tokyo/ }).click();
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect(page.getByText("Times are now shown in Asia/Tokyo.")).toBeVisible();
    await expect(page.getByText("This device is set to UTC.")).toBeVisible();

    await page.goto(`/applications/${appId}`);
    await expect(page.getByText("Tue, 15 Jan 2030, 18:30", { exact: true })).toBeVisible();
    expect((await roundsOf(appId))[0].scheduled_at).toBe(stored);
    const again = await openLogForm(page, "log-round");
    await expect(again.getByText(/This device is set to UTC/)).toBeVisible();
  });
});

test.describe("an account from before time zones, on a device in Auckland", () => {
  test.use({ timezoneId: "Pacific/Auckland" });

  test("takes the device's zone once, and never overrides one the user chose", async ({ signedIn: page, account }) => {
    // From the sign-up form, or adopted on the first page if the form was sent before its script ran.
    await expect.poll(async () => await timeZoneOf(account.email)).toBe("Pacific/Auckland");
    await run(sql`update users set time_zone = null where email = ${account.email}`);

    await page.goto("/applications");
    await expect.poll(async () => await timeZoneOf(account.email)).toBe("Pacific/Auckland");
    await page.goto("/settings");
    await expect(page.getByLabel("Your time zone")).toHaveValue("Pacific/Auckland");

    await run(sql`update users set time_zone = 'Europe/Paris' where email = ${account.email}`);
    await page.goto("/applications");
    await page.goto("/settings");
    await expect(page.getByLabel("Your time zone")).toHaveValue("Europe/Paris");
    await expect(page.getByText("This device is set to Pacific/Auckland.")).toBeVisible();
    expect(await timeZoneOf(account.email)).toBe("Europe/Paris");
  });
});
