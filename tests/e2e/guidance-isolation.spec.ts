import { expect, newAccount, signUp, test } from "./fixtures";
import { ownedRows } from "./support/db";
import { secondRoundThirtyHoursAgo, stepCard, THANK_YOU_SECOND } from "./support/guidance";

const THANK_YOU = THANK_YOU_SECOND;

type Owner = { email: string; appId: string; round2Id: string };

async function setHidden(card: ReturnType<typeof stepCard>, name: string, value: string) {
  await card.locator(`input[type=hidden][name=${name}]`).evaluate((el, v) => ((el as HTMLInputElement).value = v), value);
}

test.describe("a second user never sees or touches the first user's next steps", () => {
  let owner: Owner;
  let before: Record<string, unknown[]>;

  test.beforeEach(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const account = newAccount("owner");
    await signUp(page, account);
    const { appId, round2Id } = await secondRoundThirtyHoursAgo(page, "Private Guidance Co");
    await expect(stepCard(page, THANK_YOU)).toHaveCount(1);
    await context.close();
    owner = { email: account.email, appId, round2Id };
    before = await ownedRows(owner.email);
  });

  test.afterEach(async () => {
    expect(await ownedRows(owner.email)).toEqual(before);
  });

  test("the dashboard and the owner's page show the intruder nothing", async ({ signedIn: page }) => {
    await secondRoundThirtyHoursAgo(page, "Intruder Own Co");
    await page.goto("/");
    await expect(stepCard(page, THANK_YOU, "Intruder Own Co")).toHaveCount(1);
    await expect(page.getByText("Private Guidance Co")).toHaveCount(0);
    const response = await page.goto(`/applications/${owner.appId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Private Guidance Co")).toHaveCount(0);
  });

  test("Done, Snooze and Dismiss posted with the owner's ids change nothing: their application gives 404", async ({ signedIn: page }) => {
    const { appId: ownApp } = await secondRoundThirtyHoursAgo(page, "Intruder Own Co");
    const swaps: ("applicationId" | "key")[][] = [["applicationId", "key"], ["applicationId"], ["key"]];
    for (const swap of swaps) {
      for (const action of ["Done", "3 days", "Dismiss"]) {
        await page.goto(`/applications/${ownApp}`);
        const card = stepCard(page, THANK_YOU);
        await expect(card).toHaveCount(1);
        if (swap.includes("applicationId")) await setHidden(card, "applicationId", owner.appId);
        if (swap.includes("key")) await setHidden(card, "key", `send-thank-you:${owner.round2Id}`);
        if (action === "3 days") await card.locator("summary", { hasText: "Snooze" }).click();
        await card.getByRole("button", { name: new RegExp(`^${action}`) }).click();
        const label = `${action} with ${swap.join(" and ")}`;
        if (swap.includes("applicationId")) {
          await expect(page.getByRole("heading", { name: "We couldn’t find that page" }), label).toBeVisible();
        } else {
          // Their key on the intruder's own application matches no step there: nothing to do, nothing revealed.
          await expect(card.getByRole("status"), label).toHaveText(/This step no longer applies/);
        }
      }
    }
    // The intruder's own step was never touched either.
    await page.goto(`/applications/${ownApp}`);
    await expect(stepCard(page, THANK_YOU)).toHaveCount(1);
  });
});
