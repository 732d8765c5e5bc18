import { FIRST_URL } from "../../playwright.config";
import { addApplication, expect, newAccount, signUp, submitSignUp, test } from "./fixtures";
import { chooseFile, linkedInRows } from "./support/imports";

// The action envelope check (lib/http/action-envelope.ts) lets through what
// real forms send, with JavaScript and without, and refuses the bodies that
// made React's decoder throw; imports past the per-account limit are refused
// beside the file field with when to try again.

test("forms sent without JavaScript still work: sign up, sign in, add an application, and an error keeps its values", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const account = newAccount("nojs");
  await submitSignUp(page, account);
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await signUp(page, account);
  await addApplication(page, { company: "Envelope Ltd", roleTitle: "Posted Without Script" });
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("$90,000 Corp");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByText("Some fields need a look")).toBeVisible();
  await expect(page.getByLabel("Company")).toHaveValue("$90,000 Corp");
  await context.close();
});

test("a form sent again after an error, with a value starting with $, saves", async ({ signedIn: page }) => {
  await page.goto("/applications/new");
  await page.getByLabel("Company").fill("$ Dollar Inc");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByText("Some fields need a look")).toBeVisible();
  await page.getByLabel("Role title").fill("Second Try");
  await page.getByRole("button", { name: "Save application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Second Try" })).toBeVisible();
});

test("the bodies that made the decoder throw get a 400, signed in or not", async ({ signedIn: page, request, baseURL }) => {
  const action = "7f" + "0".repeat(40);
  const boundary = "----EnvelopeBoundary";
  const noRoot = `--${boundary}\r\nContent-Disposition: form-data; name="_1_email"\r\n\r\na@b.c\r\n--${boundary}--\r\n`;
  const shapes: [string, string][] = [
    ['["$Q1"]', "text/plain;charset=UTF-8"],
    ['[{},"$1"]', "text/plain;charset=UTF-8"],
    ['"x"', "text/plain;charset=UTF-8"],
    ["null", "text/plain;charset=UTF-8"],
    [noRoot, `multipart/form-data; boundary=${boundary}`],
  ];
  for (const client of [request, page.request]) {
    for (const path of ["/sign-in", "/sign-up", "/board"]) {
      for (const [body, type] of shapes) {
        const res = await client.post(path, { data: body, headers: { "content-type": type, "next-action": action, origin: baseURL! }, maxRedirects: 0 });
        expect(res.status(), `${path} ${body.slice(0, 20)}`).toBe(400);
      }
    }
  }
});

test("a second import by the same account while one runs: 429 beside the file field, saying when to try again", async ({ signedIn: page }) => {
  // Import slots are counted by each server (docs/hosting.md): behind the Postgres run's balancer, both
  // imports go to one server, as they do on SQLite's one.
  const baseURL = FIRST_URL;
  await page.goto(`${baseURL}/import`);
  // An import of a large file: once its answer starts streaming, the account's import slot is held until it has committed.
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const body = new FormData();
  body.set("file", new Blob([new Uint8Array(linkedInRows(19_000, "Slow"))], { type: "text/csv" }), "big.csv");
  const running = await fetch(`${baseURL}/import/run`, { method: "POST", body, headers: { cookie, origin: baseURL } });
  expect(running.status).toBe(200);

  await chooseFile(page, { name: "small.csv", mimeType: "text/csv", buffer: linkedInRows(3, "Quick") });
  await expect(page.locator("#import-file-error")).toContainText(/Your other import is still running\. Try again in about \d+ seconds?/);
  await expect(page.getByLabel("Your export file")).toHaveAttribute("aria-invalid", "true");
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 800 });
    await page.screenshot({ path: `/tmp/i23-import-429-${width}.png`, fullPage: true });
  }
  const refused = await page.request.post(`${baseURL}/import/preview`, { multipart: { file: { name: "small.csv", mimeType: "text/csv", buffer: linkedInRows(3, "Quick") } } });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(await refused.json()).toMatchObject({ field: "file", message: expect.stringMatching(/Try again in about \d+ seconds?/) });

  // Once the import has finished, the slot is free again.
  expect(await running.text()).toContain('"type":"done"');
  const again = await page.request.post(`${baseURL}/import/preview`, { multipart: { file: { name: "small.csv", mimeType: "text/csv", buffer: linkedInRows(3, "Quick") } } });
  expect(again.status()).toBe(200);
});
