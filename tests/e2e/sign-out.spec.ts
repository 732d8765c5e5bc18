import { addApplication, expect, newAccount, signIn, signUp, test } from "./fixtures";
import { sessionOf, sessionRows, signOut } from "./support/accounts";
import { applicationRow, instantMs, run, sql } from "./support/db";

test("a cookie copied before Sign out is refused after it: on a page, an action and /api/auth/session, and nothing changes", async ({ browser }) => {
  const account = newAccount("replay");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, account);
  const id = await addApplication(page, { company: "Replay Co", roleTitle: "Cookie Keeper" });
  // The edit form, with its action, stays open in this tab.
  await page.goto(`/applications/${id}/edit`);
  const copied = await context.cookies();
  expect(await sessionOf(context)).toMatchObject({ user: { id: expect.any(String) } });
  const before = await applicationRow(id);
  expect(await sessionRows(account.email)).toHaveLength(1);

  const other = await context.newPage();
  await other.goto("/");
  await signOut(other);
  expect(await sessionRows(account.email)).toHaveLength(0);

  // A page.
  await context.addCookies(copied);
  await other.goto(`/applications/${id}`);
  await expect(other).toHaveURL(/\/sign-in/);
  await expect(other.getByText("Cookie Keeper")).toHaveCount(0);

  // The session endpoint.
  await context.addCookies(copied);
  expect(await sessionOf(context)).toBeNull();

  // An action: the form opened before signing out, posted with the old cookie.
  await context.addCookies(copied);
  await page.getByLabel("Company").fill("Changed after sign-out");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await applicationRow(id)).toEqual(before);

  // Signing in again makes a new session; the old cookie stays dead.
  await signIn(other, account);
  await context.clearCookies();
  await context.addCookies(copied);
  expect(await sessionOf(context)).toBeNull();
  await context.close();
});

test("a session ended from another device's list is signed out there at once; the rest stay", async ({ browser }) => {
  const account = newAccount("list");
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signUp(laptopPage, account);
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, account);

  await laptopPage.goto("/settings");
  const list = laptopPage.getByRole("list", { name: "Signed-in devices" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByText("This device")).toHaveCount(1);
  await list.getByRole("button", { name: /^End the session on / }).click();
  await expect(laptopPage.getByRole("status").filter({ hasText: "Ended the session on" })).toBeFocused();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(laptopPage.getByText("No other device is signed in.")).toBeVisible();

  await phonePage.goto("/settings");
  await expect(phonePage).toHaveURL(/\/sign-in/);
  expect(await sessionOf(phone)).toBeNull();
  await laptopPage.goto("/");
  await expect(laptopPage.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();

  // "Sign out all other sessions": two more devices, both ended, this one kept.
  const tablet = await browser.newContext();
  const tabletPage = await tablet.newPage();
  await signIn(phonePage, account);
  await signIn(tabletPage, account);
  await laptopPage.goto("/settings");
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await laptopPage.getByRole("button", { name: "Sign out all other sessions" }).click();
  await expect(laptopPage.getByRole("status").filter({ hasText: "Ended 2 other sessions." })).toBeVisible();
  expect(await sessionOf(phone)).toBeNull();
  expect(await sessionOf(tablet)).toBeNull();
  expect(await sessionOf(laptop)).toMatchObject({ user: { id: expect.any(String) } });
  expect(await sessionRows(account.email)).toHaveLength(1);
  await Promise.all([laptop.close(), phone.close(), tablet.close()]);
});

test("a second user cannot end the first user's session by posting its id", async ({ browser }) => {
  const owner = newAccount("owner");
  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signUp(ownerPage, owner);
  const [ownerSession] = await sessionRows(owner.email);

  // The intruder needs an "End session" form of their own: a second device.
  const intruder = newAccount("intruder");
  const a = await browser.newContext();
  const b = await browser.newContext();
  const intruderPage = await a.newPage();
  await signUp(intruderPage, intruder);
  await signIn(await b.newPage(), intruder);
  await intruderPage.goto("/settings");
  await intruderPage.locator('form:has(button:text("End session")) input[name="sessionId"]').evaluate((el, id) => ((el as HTMLInputElement).value = id), ownerSession.id);
  await intruderPage.getByRole("button", { name: /^End the session on / }).click();
  await expect(intruderPage.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();

  expect((await sessionRows(owner.email)).map((s) => s.id)).toEqual([ownerSession.id]);
  await ownerPage.goto("/settings");
  await expect(ownerPage.getByRole("heading", { name: "Settings" })).toBeVisible();
  await Promise.all([ownerContext.close(), a.close(), b.close()]);
});

test("a sign-out posted straight to the auth endpoint ends the session record too", async ({ browser }) => {
  const account = newAccount("endpoint");
  const context = await browser.newContext();
  await signUp(await context.newPage(), account);
  const copied = await context.cookies();
  expect(await sessionRows(account.email)).toHaveLength(1);

  const { csrfToken } = (await (await context.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await context.request.post("/api/auth/signout", { form: { csrfToken }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  expect(await sessionRows(account.email)).toHaveLength(0);
  await context.addCookies(copied);
  expect(await sessionOf(context)).toBeNull();
  await context.close();
});

test("a session past either limit is refused whatever its cookie says: 30 days after sign-in, or 14 days unused", async ({ browser }) => {
  const DAY = 24 * 3_600_000;
  const account = newAccount("limits");
  const context = await browser.newContext();
  const page = await context.newPage();
  await signUp(page, account);
  const [first] = await sessionRows(account.email);
  // Signed in 31 days ago, and used a minute ago: over the absolute limit.
  await run(sql`update sessions set created_at = ${instantMs(Date.now() - 31 * DAY)}, last_seen_at = ${instantMs(Date.now() - 60_000)} where id = ${first.id}`);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await sessionRows(account.email)).toHaveLength(0);

  await signIn(page, account);
  const [second] = await sessionRows(account.email);
  // Signed in 20 days ago, last used 15 days ago: over the idle limit.
  await run(sql`update sessions set created_at = ${instantMs(Date.now() - 20 * DAY)}, last_seen_at = ${instantMs(Date.now() - 15 * DAY)} where id = ${second.id}`);
  expect(await sessionOf(context)).toBeNull();
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await context.close();
});
