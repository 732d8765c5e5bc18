import { addApplication, expect, newAccount, signUp, test } from "./fixtures";
import { expectNoSeriousViolations } from "./support/axe";
import { ownedRows, roundsOf } from "./support/db";
import { logRoundWith, peopleOf } from "./support/people";
import { DAY, logEvent } from "./support/timeline";

test("People lists everyone met across two applications, by company, with their rounds linked and when last met", async ({ signedIn: page, account }) => {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People" }).click();
  await expect(page.getByTestId("people-empty")).toContainText("add who you met");
  await page.getByRole("link", { name: "Open an application to log a round" }).click();
  await expect(page).toHaveURL(/\/applications$/);

  const fernhill = await addApplication(page, { company: "Fernhill", roleTitle: "Backend engineer" });
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Omar Haddad", title: "Staff engineer", email: "omar@fernhill.io" }], "Second interview");
  const globex = await addApplication(page, { company: "Globex", roleTitle: "Platform lead" });
  await logRoundWith(page, new Date(Date.now() + 3 * DAY), [{ name: "Sam Lee" }]);

  await page.goto("/people");
  await expect(page.getByTestId("people-company").getByRole("heading", { level: 2 })).toHaveText(["Fernhill", "Globex"]);
  const omar = page.getByTestId("person").filter({ hasText: "Omar Haddad" });
  await expect(omar.getByRole("link", { name: "omar@fernhill.io" })).toHaveAttribute("href", "mailto:omar@fernhill.io");
  await expect(omar).toContainText("Staff engineer");
  await expect(omar.getByTestId("last-met")).not.toHaveText("not met yet");
  const [fernhillRound] = await roundsOf(fernhill);
  const roundLink = omar.getByRole("link", { name: /^Second interview · .+ · Fernhill, Backend engineer$/ });
  await expect(roundLink).toHaveAttribute("href", `/applications/${fernhill}#round-${fernhillRound.id}`);
  const sam = page.getByTestId("person").filter({ hasText: "Sam Lee" });
  await expect(sam.getByTestId("last-met")).toHaveText("not met yet");
  await expect(sam.getByRole("link", { name: /· Globex, Platform lead$/ })).toHaveAttribute("href", new RegExp(`^/applications/${globex}#round-`));

  // The filter narrows as it is typed, with no button to press.
  await page.getByRole("searchbox", { name: "Filter" }).fill("GLOBEX");
  await expect(page).toHaveURL(/\/people\?q=GLOBEX$/);
  await expect(page.getByTestId("person")).toHaveText([/Sam Lee/]);
  await page.getByRole("link", { name: "Sam Lee" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sam Lee" })).toBeVisible();
  expect(await peopleOf(account.email)).toHaveLength(2);
});

test("a person typed again at the same company is offered, and using the offer makes no second one", async ({ signedIn: page, account }) => {
  await addApplication(page, { company: "Fernhill", roleTitle: "Backend engineer" });
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Omar Haddad", title: "Staff engineer" }]);
  const second = await addApplication(page, { company: "fernhill", roleTitle: "Platform engineer" });

  const form = page.getByTestId("log-round");
  await form.locator(":scope > summary").click();
  await form.getByLabel("Starts").fill("2026-01-05T10:00");
  const row = form.getByRole("group", { name: "Person 1" });
  await row.getByLabel("Name").fill("omar  HADDAD");
  const offer = form.getByTestId("person-offer");
  await expect(offer).toContainText(/Omar Haddad, Staff engineer, met \w{3} \d{1,2} \w{3}/);
  await offer.getByRole("button", { name: "Use this person" }).click();
  await expect(form.getByRole("checkbox", { name: /Omar Haddad/ })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: /Omar Haddad/ })).toBeFocused();
  await expect(form.getByRole("group", { name: "Person 1" }).getByLabel("Name")).toHaveValue("");
  await form.getByRole("button", { name: "Save round" }).click();
  await expect(form).not.toHaveAttribute("open", "");

  // Typed again and saved without using the offer: the server still matches (by email this time, filling it in).
  await logRoundWith(page, new Date(Date.now() - DAY), [{ name: "O. Haddad", email: "oh@other.org" }, { name: "Omar Haddad", email: "Omar@Fernhill.io" }]);
  const people = await peopleOf(account.email);
  expect(people.map((p) => [p.name, p.email])).toEqual([
    ["O. Haddad", "oh@other.org"],
    ["Omar Haddad", "omar@fernhill.io"],
  ]);
  const omar = people.find((p) => p.name === "Omar Haddad")!;
  const rounds = (await roundsOf(second)).map((r) => r.id as string);
  for (const id of rounds) expect(omar.rounds.split(",")).toContain(id);
  expect(omar.rounds.split(",")).toHaveLength(3);
});

test("merging two entries of one person keeps both rounds' links and says what it did", async ({ signedIn: page, account }) => {
  const fernhill = await addApplication(page, { company: "Fernhill", roleTitle: "Backend engineer" });
  await logRoundWith(page, new Date(Date.now() - 9 * DAY), [{ name: "Omar Haddad" }]);
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Omar H.", title: "Staff engineer", email: "omar@fernhill.io" }], "Second interview");
  await addApplication(page, { company: "Globex", roleTitle: "Lead" });
  await logRoundWith(page, new Date(Date.now() - DAY), [{ name: "Gia Globex" }]);
  expect(await peopleOf(account.email)).toHaveLength(3);

  await page.goto("/people");
  await page.getByRole("link", { name: "Omar Haddad" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Omar Haddad" })).toBeVisible();
  const picker = page.getByLabel("Person to merge into Omar Haddad");
  // Same company first.
  await expect(picker.locator("optgroup").first()).toHaveAttribute("label", "At Fernhill");
  await page.getByRole("button", { name: "Merge…" }).click();
  await expect(page.locator("#field-mergeId-error")).toHaveText("Choose the person to merge into this one.");

  await picker.selectOption({ label: "Omar H. · Staff engineer · omar@fernhill.io" });
  await page.getByRole("button", { name: "Merge…" }).click();
  const dialog = page.getByRole("dialog", { name: "Merge Omar H. into Omar Haddad?" });
  await dialog.getByRole("button", { name: "Keep both" }).click();
  await expect(dialog).toBeHidden();
  expect(await peopleOf(account.email)).toHaveLength(3);

  await page.getByRole("button", { name: "Merge…" }).click();
  await dialog.getByRole("button", { name: "Merge", exact: true }).click();
  await expect(page.getByTestId("form-message")).toHaveText("Merged Omar H. into Omar Haddad.");
  await expect(page.getByRole("list", { name: "Rounds with Omar Haddad" }).getByRole("link")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "omar@fernhill.io" })).toBeVisible();

  const rounds = (await roundsOf(fernhill)).map((r) => r.id as string).sort();
  const people = await peopleOf(account.email);
  expect(people.map((p) => [p.name, p.title, p.email])).toEqual([
    ["Gia Globex", null, null],
    ["Omar Haddad", "Staff engineer", "omar@fernhill.io"],
  ]);
  expect(people[1].rounds.split(",").sort()).toEqual(rounds);
});

test("the list's search finds an application by a person met there and by an event's note", async ({ signedIn: page }) => {
  await addApplication(page, { company: "Fernhill", roleTitle: "Backend engineer" });
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Omar Haddad", email: "omar@fernhill.io" }]);
  await addApplication(page, { company: "Globex", roleTitle: "Platform lead" });
  await logEvent(page, "Follow-up sent", { note: "Asked about the relocation budget" });
  const list = page.getByRole("list", { name: "Applications" });
  const search = async (text: string) => {
    await page.goto("/applications");
    await page.getByLabel("Search").fill(text);
    await expect(page).toHaveURL(/q=/);
  };
  await search("omar haddad");
  await expect(list.getByRole("link", { name: "Backend engineer", exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: "Platform lead", exact: true })).toHaveCount(0);
  await search("relocation");
  await expect(list.getByRole("link", { name: "Platform lead", exact: true })).toBeVisible();
  await expect(list.getByRole("link", { name: "Backend engineer", exact: true })).toHaveCount(0);
});

test.describe("a second user cannot see, open or merge the first user's people", () => {
  let owner: { email: string; personId: string };
  let before: Record<string, unknown[]>;

  test.beforeEach(async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const account = newAccount("owner");
    await signUp(page, account);
    await addApplication(page, { company: "Private Co", roleTitle: "Secret Role" });
    await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Olga Secret", title: "VP", email: "olga@private.co" }]);
    await context.close();
    owner = { email: account.email, personId: (await peopleOf(account.email))[0].id };
    before = await ownedRows(owner.email);
  });

  test.afterEach(async () => {
    expect(await ownedRows(owner.email)).toEqual(before);
  });

  test("by page and by URL", async ({ signedIn: page }) => {
    await page.goto("/people");
    await expect(page.getByTestId("people-empty")).toBeVisible();
    await expect(page.getByText("Olga Secret")).toHaveCount(0);
    const response = await page.goto(`/people/${owner.personId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByText("Olga Secret")).toHaveCount(0);
    await page.goto("/applications?q=olga");
    await expect(page.getByText("Secret Role")).toHaveCount(0);
  });

  test("by posting the merge with the owner's person on either side", async ({ signedIn: page, account }) => {
    await addApplication(page, { company: "Private Co", roleTitle: "My Role" });
    await logRoundWith(page, new Date(Date.now() - DAY), [{ name: "Mine One" }, { name: "Mine Two" }]);
    const mine = await peopleOf(account.email);
    const notFound = page.getByRole("heading", { name: "We couldn’t find that page" });

    // The owner's person as the one merged in: an option pointed at their id.
    await page.goto(`/people/${mine[0].id}`);
    await page.getByLabel("Person to merge into Mine One").selectOption({ label: "Mine Two" });
    await page.locator('select[name="mergeId"] option:checked').evaluate((el, id) => ((el as HTMLOptionElement).value = id), owner.personId);
    await page.getByRole("button", { name: "Merge…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Merge", exact: true }).click();
    await expect(notFound).toBeVisible();

    // The owner's person as the one kept.
    await page.goto(`/people/${mine[0].id}`);
    await page.getByLabel("Person to merge into Mine One").selectOption({ label: "Mine Two" });
    await page.getByRole("button", { name: "Merge…" }).click();
    await page.locator('input[name="keepId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), owner.personId);
    await page.getByRole("dialog").getByRole("button", { name: "Merge", exact: true }).click();
    await expect(notFound).toBeVisible();
    expect(await peopleOf(account.email)).toEqual(mine);
  });
});

test("People and a person's page pass axe, light and dark, at 1280 and 390 px", async ({ signedIn: page }) => {
  await page.goto("/people");
  await expectNoSeriousViolations(page, "people, empty");
  await addApplication(page, { company: "Fernhill", roleTitle: "Backend engineer" });
  await logRoundWith(page, new Date(Date.now() - 2 * DAY), [{ name: "Omar Haddad", title: "Staff engineer", email: "omar@fernhill.io" }, { name: "Sam Lee" }]);
  await page.goto("/people");
  const person = (await page.getByRole("link", { name: "Omar Haddad" }).getAttribute("href")) ?? "";
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/people");
      await expectNoSeriousViolations(page, `people, ${scheme}, ${width}`);
      await page.goto(person);
      await expectNoSeriousViolations(page, `person, ${scheme}, ${width}`);
      await page.getByLabel("Person to merge into Omar Haddad").selectOption({ label: "Sam Lee" });
      await page.getByRole("button", { name: "Merge…" }).click();
      await expectNoSeriousViolations(page, `merge dialog, ${scheme}, ${width}`);
      await page.keyboard.press("Escape");
    }
  }
});
