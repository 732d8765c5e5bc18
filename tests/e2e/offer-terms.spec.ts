import AxeBuilder from "@axe-core/playwright";
import { addApplication, expect, test } from "./fixtures";
import { eventsOf } from "./support/db";
import { DAY, logRound, openLogForm } from "./support/timeline";

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

for (const width of [1366, 390]) {
test.describe(`at ${width} px`, () => {
test.use({ viewport: { width, height: 900 } });

test("an offer's terms and a reply's date are entered on the event form, refused beside the field, and read back on the timeline", async ({ signedIn: page }) => {
  const appId = await addApplication(page, { company: "Fernhill", roleTitle: "Staff Designer" });
  await logRound(page, { startsAt: new Date(Date.now() - 5 * DAY) });

  // A reply with the date they gave.
  let form = await openLogForm(page, "log-event");
  await form.getByLabel("What happened").selectOption({ label: "Response received" });
  const saidBy = isoDate(new Date(Date.now() + 3 * DAY));
  await form.getByLabel("They said by (optional)").fill(saidBy);
  await form.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByText(/They said by/)).toBeVisible();
  // Saved: the form comes back closed once the page has the new entry; opening it sooner races that.
  await expect(page.getByTestId("log-event")).not.toHaveAttribute("open", "");

  // An offer: pay without a currency is refused beside the currency field, and nothing is saved.
  form = await openLogForm(page, "log-event");
  await form.getByLabel("What happened").selectOption({ label: "Offer received" });
  await expect(form.getByLabel("They said by (optional)")).toHaveCount(0);
  await form.getByLabel("Base pay (yearly)").fill("92500");
  await form.getByLabel("Answer by").fill(isoDate(new Date(Date.now() + 7 * DAY)));
  await form.getByRole("button", { name: "Save event" }).click();
  const currency = page.getByLabel("Currency");
  await expect(currency).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give the currency of the pay, such as USD or EUR.")).toBeVisible();
  expect((await eventsOf(appId)).map((e) => e.kind)).toEqual(["response_received"]);
  await page.screenshot({ path: `/tmp/i21-offer-form-${page.viewportSize()?.width}.png`, fullPage: true });

  await currency.fill("GBP");
  await page.getByLabel("Bonus").fill("10k");
  await page.getByLabel("Equity").fill("0.1% over 4 years");
  await page.getByRole("button", { name: "Save event" }).click();
  await expect(page.getByText(/Base £92,500 · Bonus £10,000 · Equity 0.1% over 4 years · Answer by/)).toBeVisible();
  expect((await eventsOf(appId)).find((e) => e.kind === "offer_received")).toMatchObject({ offer_base: 92_500, offer_bonus: 10_000, offer_currency: "GBP" });

  // The answer is now a step of its own, and the page passes axe.
  await expect(page.getByText(/Answer Fernhill's offer/).first()).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.screenshot({ path: `/tmp/i21-offer-timeline-${page.viewportSize()?.width}.png`, fullPage: true });
});
});
}
