import { addApplication, expect, test } from "./fixtures";
import { logRoundWith } from "./support/people";
import { DAY } from "./support/timeline";

test("shots", async ({ signedIn: page }) => {
  const shot = async (name: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `/tmp/people-shots/${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  await page.goto("/people");
  await shot("people-empty");
  await addApplication(page, { company: "Fernhill", roleTitle: "Backend engineer" });
  await logRoundWith(page, new Date(Date.now() - 9 * DAY), [{ name: "Omar Haddad", title: "Staff engineer", email: "omar.haddad@fernhill-engineering.io" }, { name: "Priya Raman", title: "Engineering manager" }]);
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Omar H." }], "Second interview");
  await addApplication(page, { company: "Globex", roleTitle: "Platform lead" });
  await logRoundWith(page, new Date(Date.now() + 3 * DAY), [{ name: "Sam Lee", email: "sam@globex.com" }]);
  await page.goto("/people");
  await shot("people");
  await page.getByRole("link", { name: "Omar Haddad" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shot("person");
  await page.getByLabel("Person to merge into Omar Haddad").selectOption({ label: "Omar H." });
  await page.getByRole("button", { name: "Merge…" }).click();
  await page.screenshot({ path: `/tmp/people-shots/merge-dialog-1280.png` });
  await page.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByTestId("form-message")).toBeVisible();
  await shot("person-merged");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/people");
  await shot("people-dark");
  await page.emulateMedia({ colorScheme: "light" });
  await addApplication(page, { company: "fernhill", roleTitle: "Platform engineer" });
  const form = page.getByTestId("log-round");
  await form.locator("summary").click();
  await form.getByRole("group", { name: "Person 1" }).getByLabel("Name").fill("omar haddad");
  await expect(form.getByTestId("person-offer")).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await form.getByRole("group", { name: "Who you met" }).screenshot({ path: `/tmp/people-shots/picker-offer-${width}.png` });
  }
  await page.emulateMedia({ colorScheme: "dark" });
  await form.getByRole("group", { name: "Who you met" }).screenshot({ path: `/tmp/people-shots/picker-offer-dark-390.png` });
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await form.getByTestId("person-offer").getByRole("button").click();
  await form.getByRole("group", { name: "Who you met" }).screenshot({ path: `/tmp/people-shots/picker-used-1280.png` });
});
