import { addApplication, expect, signIn, test } from "./fixtures";
import { applicationCount, applicationRow } from "./support/db";

test("sign up, add, edit, reload, sign out, sign in: the application is still there", async ({ signedIn: page, account }) => {
  const id = await addApplication(page, { company: "Northwind", roleTitle: "Frontend Engineer", location: "Berlin" });

  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Role title").fill("Senior Frontend Engineer");
  await page.getByLabel("Status").selectOption({ label: "Interviewing" });
  await page.getByLabel("Excitement (optional)").selectOption("4");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Senior Frontend Engineer" })).toBeVisible();
  await expect(page.getByText("Interviewing", { exact: true })).toBeVisible();

  await page.goto("/applications");
  await page.reload();
  const row = page.getByRole("listitem").filter({ hasText: "Senior Frontend Engineer" });
  await expect(row).toContainText("Northwind");
  await expect(row).toContainText("Interviewing");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.goto("/applications");
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, account);
  await page.goto("/applications");
  await expect(page.getByRole("link", { name: "Senior Frontend Engineer" })).toBeVisible();
  expect(await applicationRow(id)).toMatchObject({ role_title: "Senior Frontend Engineer", status: "interviewing", excitement: 4 });
});

test("bad values show each error beside its field and keep what was typed", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Role title").fill("Data Engineer");
  await page.getByLabel("Location (optional)").fill("Lisbon");
  await page.getByLabel("Job posting URL (optional)").fill("javascript:alert(1)");
  await page.getByLabel("From").fill("90000");
  await page.getByLabel("To").fill("80000");
  await page.getByLabel("Notes (optional)").fill("Met them at a meetup.");
  await page.getByLabel("Status").selectOption({ label: "Screening" });
  await page.getByLabel("Work mode").selectOption({ label: "Remote" });
  await page.getByLabel("Per").selectOption("month");
  await page.getByRole("button", { name: "Save application" }).click();

  const company = page.getByLabel("Company");
  await expect(company).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-company-error")).toHaveText("Company is required.");
  await expect(company).toHaveAttribute("aria-describedby", "field-company-error");
  await expect(page.locator("#field-postingUrl-error")).toContainText("https://");
  await expect(page.locator("#field-salaryMax-error")).toHaveText("Maximum salary can't be below the minimum.");
  await expect(page.locator("#field-salaryCurrency-error")).toBeVisible();

  await expect(page.getByLabel("Role title")).toHaveValue("Data Engineer");
  await expect(page.getByLabel("Location (optional)")).toHaveValue("Lisbon");
  await expect(page.getByLabel("Notes (optional)")).toHaveValue("Met them at a meetup.");
  await expect(page.getByLabel("From")).toHaveValue("90000");
  await expect(page.getByLabel("Status")).toHaveValue("screening");
  await expect(page.getByLabel("Work mode")).toHaveValue("remote");
  await expect(page.getByLabel("Per")).toHaveValue("month");

  // Fix the mistakes and the same form saves.
  await company.fill("Harbor & Finch");
  await page.getByLabel("Job posting URL (optional)").fill("https://jobs.example.com/42");
  await page.getByLabel("To").fill("95000");
  await page.getByLabel("Currency").fill("eur");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Data Engineer" })).toBeVisible();
  await expect(page.getByText("€90,000 – €95,000 per month")).toBeVisible();
  await expect(page.getByText("Screening", { exact: true })).toBeVisible();
});

test("a tampered form missing required fields gets messages, not a server error", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("Acme");
  await page.getByLabel("Role title").evaluate((el) => el.remove());
  await page.getByLabel("Status").evaluate((el) => el.remove());
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByText("Role title is required.")).toBeVisible();
  await expect(page.getByText("Choose a status from the list.")).toBeVisible();
  await expect(page.getByLabel("Company")).toHaveValue("Acme");
});

test("an oversized post is refused with 413 and saves nothing", async ({ signedIn: page, account }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("Acme");
  await page.getByLabel("Role title").fill("Engineer");
  // The browser stops typing at the field's limit; a tampered client need not.
  await page.getByLabel("Notes (optional)").evaluate((el) => {
    el.removeAttribute("maxlength");
    (el as HTMLTextAreaElement).value = "n".repeat(2_000_000);
  });
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Save application" }).click(),
  ]);
  expect(response.status()).toBe(413);
  expect(await applicationCount(account.email)).toBe(0);
});

test("list search, status filter, sort and archive", async ({ signedIn: page }) => {
  await addApplication(page, { company: "Zeta Corp", roleTitle: "Platform Engineer", status: "Applied" });
  const archivedId = await addApplication(page, { company: "Alpha Inc", roleTitle: "Designer", status: "Saved" });
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Archived", { exact: true })).toBeVisible();
  await addApplication(page, { company: "Beta Ltd", roleTitle: "Backend Engineer", status: "Interviewing" });

  await page.goto("/applications");
  const links = page.getByRole("list", { name: "Applications" }).getByRole("link");
  await expect(links).toHaveText(["Backend Engineer", "Platform Engineer"]);
  await expect(page.getByText("1 archived hidden")).toBeVisible();

  await page.getByLabel("Search").fill("engineer");
  await page.getByLabel("Status", { exact: true }).selectOption({ label: "Interviewing" });
  // Live: no Apply button to press, the list follows the fields.
  await expect(links).toHaveText(["Backend Engineer"]);

  await page.goto("/applications?sort=company&archived=1");
  await expect(links).toHaveText(["Designer", "Backend Engineer", "Platform Engineer"]);

  await page.goto("/applications?q=nothing-like-this");
  await expect(page.getByText("No applications match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "clear the filters" }).click();
  await expect(links).toHaveCount(2);

  await page.goto(`/applications/${archivedId}`);
  await page.getByRole("button", { name: "Unarchive" }).click();
  await expect(page.getByRole("button", { name: "Archive" })).toBeVisible();
});

test("delete asks first, and Escape or Keep it cancels", async ({ signedIn: page }) => {
  const id = await addApplication(page, { company: "Quillstack", roleTitle: "Staff Engineer" });
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this application?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(await applicationRow(id)).toBeDefined();

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByText("The application was deleted.")).toBeVisible();
  expect(await applicationRow(id)).toBeUndefined();
});

test("an empty account explains how to start, and sample data fills it", async ({ signedIn: page }) => {
  await expect(page.getByRole("heading", { name: "No applications yet" })).toBeVisible();
  await page.getByRole("button", { name: "Load sample data" }).click();
  await expect(page.getByRole("heading", { name: "Your pipeline" })).toBeVisible();
  await expect(page.getByTestId("count-interviewing")).toHaveText("2");
  await page.goto("/applications");
  await expect(page.getByText("11 applications · 1 archived hidden")).toBeVisible();
});
