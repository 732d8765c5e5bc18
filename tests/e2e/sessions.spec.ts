import { addApplication, attemptSignIn, expect, newAccount, signIn, signUp, submitSignUp, test } from "./fixtures";

test("sign out everywhere makes a cookie issued earlier stop working", async ({ browser }) => {
  const account = newAccount("everywhere");
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signUp(laptopPage, account);
  const id = await addApplication(laptopPage, { company: "Cookie Co", roleTitle: "Session Tester" });

  // The same account on a second device.
  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, account);
  await phonePage.goto(`/applications/${id}`);
  await expect(phonePage.getByRole("heading", { name: "Session Tester" })).toBeVisible();

  // An old cookie, copied before the revocation, replayed in a fresh browser.
  const oldCookies = await laptop.cookies();
  expect(await (await laptop.request.get("/api/auth/session")).json()).toMatchObject({ user: { id: expect.any(String) } });
  await laptopPage.goto("/settings");
  await laptopPage.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptopPage.getByRole("heading", { name: "Sign in" })).toBeVisible();

  await phonePage.goto(`/applications/${id}`);
  await expect(phonePage).toHaveURL(/\/sign-in/);

  const replay = await browser.newContext();
  await replay.addCookies(oldCookies);
  const replayPage = await replay.newPage();
  await replayPage.goto(`/applications/${id}`);
  await expect(replayPage).toHaveURL(/\/sign-in/);
  await expect(replayPage.getByText("Session Tester")).toHaveCount(0);
  // Before the revocation the same cookie had a session; now the endpoint has none for it.
  expect(await (await replay.request.get("/api/auth/session")).json()).toBeNull();

  // Signing in again works as usual.
  await signIn(phonePage, account);
  await phonePage.goto(`/applications/${id}`);
  await expect(phonePage.getByRole("heading", { name: "Session Tester" })).toBeVisible();
  await Promise.all([laptop.close(), phone.close(), replay.close()]);
});

test("changing the password needs the current one and signs out older sessions", async ({ signedIn: page, account, browser }) => {
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, account);

  await page.goto("/settings");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat new password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.locator("#field-currentPassword-error")).toHaveText("Current password is incorrect.");
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
  await page.getByLabel("Repeat new password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password was changed. Sign in with the new one.")).toBeVisible();

  await otherPage.goto("/settings");
  await expect(otherPage).toHaveURL(/\/sign-in/);

  await attemptSignIn(page, account);
  await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
  await signIn(page, { email: account.email, password: "a brand new passphrase" });
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
  await other.close();
});

test("repeated wrong passwords are slowed with a clear message, from growing delays rather than a wall", async ({ page }) => {
  test.setTimeout(150_000);
  const account = newAccount("throttle");
  await signUp(page, account);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // This browser signed in before, so its guesses count against its own device counter (limit 5), then
  // each further one waits twice as long as the last. A forged X-Forwarded-For (and a forged copy of the
  // app's private address header) each time changes nothing: with no trusted proxy the app counts the
  // connection's address.
  const tooMany = page.getByText(/Too many sign-in attempts\. Try again in \d+ seconds?\./);
  let held = false;
  for (let i = 0; i < 20 && !held; i++) {
    await page.setExtraHTTPHeaders({ "X-Forwarded-For": `203.0.113.${i}`, "X-Shortlist-Peer-Address": `203.0.113.${i}` });
    await attemptSignIn(page, { email: account.email, password: `wrong guess ${i}` });
    await expect(page.getByText("Email or password is incorrect.").or(tooMany)).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(account.email);
    await expect(page.getByLabel("Password")).toHaveValue("");
    // Held for long enough that the right password, typed at once, must wait too.
    held = (await tooMany.count()) > 0 && Number(/in (\d+) second/.exec((await tooMany.textContent()) ?? "")?.[1]) >= 5;
    if (i < 4) expect(await tooMany.count(), `guess ${i + 1} is within the limit`).toBe(0);
  }
  expect(held).toBe(true);
  await attemptSignIn(page, account);
  await expect(page.getByText(/Too many sign-in attempts/)).toBeVisible();
});

test("sign-up errors sit beside their fields; a 64-character passphrase works", async ({ page }) => {
  const account = newAccount("signup");
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toContainText("valid email");
  await expect(page.locator("#field-password-error")).toHaveText("Password must be at least 8 characters.");
  await expect(page.getByLabel("Name")).toHaveValue(account.name);

  const passphrase = "x".repeat(40) + "correct horse battery st";
  expect(passphrase).toHaveLength(64);
  // The form takes it (this server sends email, so the rest happens from the inbox: reminders.spec.ts)...
  await submitSignUp(page, { ...account, password: passphrase });
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  // ...and so does signing in with it.
  await signUp(page, { ...account, password: passphrase });
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, { email: account.email, password: passphrase });
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
});

test("a sign-up with a taken address gets the same answer as any other, and the account is untouched", async ({ signedIn: page, account, browser }) => {
  const context = await browser.newContext();
  const other = await context.newPage();
  await submitSignUp(other, { name: "Impostor", email: account.email.toUpperCase(), password: "another passphrase" });
  await expect(other).toHaveURL(/\/sign-up\/check-email$/);
  const taken = await other.locator("main").innerText();
  await submitSignUp(other, newAccount("fresh"));
  await expect(other).toHaveURL(/\/sign-up\/check-email$/);
  expect(await other.locator("main").innerText()).toBe(taken);
  await page.reload();
  await expect(page.getByRole("heading", { name: `Hello, ${account.name}` })).toBeVisible();
  await context.close();
});
