import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";
import { startReceiver } from "../unit/support/http-receiver";
import { browserKeys, decryptPush, verifyVapid } from "../unit/support/web-push";
import { expectNoSeriousViolations } from "./support/axe";
import { instantMs, row, run, sql } from "./support/db";
import { expect, newAccount, signUp, test } from "./fixtures";

// Turning on push in Settings, with the real service worker (public/sw.js)
// and the server's real encryption and VAPID signature.
//
// Only PushManager.prototype.subscribe is replaced, in the page: Chromium's
// own subscribe() asks Google's push service (FCM) for an endpoint, and
// with no network it never answers. The stand-in returns what a browser
// would: an endpoint (a push service this test runs on loopback) and a real
// P-256 key pair and auth secret made here, so the test can decrypt what
// the server sends exactly as the browser would.

/**
 * The server's VAPID public key: on SQLite as it made and kept it on first start; on
 * Postgres the pair both servers were given (tests/e2e/support/postgres-stack.ts).
 */
const serverVapidKey = () =>
  process.env.E2E_VAPID_PUBLIC_KEY ?? (JSON.parse(readFileSync(path.join(E2E_DATA_DIR, "vapid-keys"), "utf8")) as { publicKey: string }).publicKey;

test("turning on push registers the service worker and a subscription; a test push arrives encrypted and signed", async ({ signedIn: page, context, baseURL }) => {
  const service = await startReceiver();
  try {
    const keys = browserKeys();
    const subscription = { endpoint: `${service.url}/push/e2e-device`, p256dh: keys.p256dh, auth: keys.authText };
    await context.grantPermissions(["notifications"], { origin: baseURL });
    await page.addInitScript((sub) => {
      const asked: { userVisibleOnly?: boolean; key?: string }[] = [];
      (window as unknown as { pushAsked: typeof asked }).pushAsked = asked;
      PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
        const key = options?.applicationServerKey;
        const bytes = key instanceof ArrayBuffer ? new Uint8Array(key) : ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength) : null;
        asked.push({ userVisibleOnly: options?.userVisibleOnly, key: bytes ? btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") : undefined });
        const json = { endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: sub.p256dh, auth: sub.auth } };
        return { endpoint: sub.endpoint, expirationTime: null, options, toJSON: () => json } as unknown as PushSubscription;
      };
    }, subscription);

    await page.goto("/settings#reminders-heading");
    const section = page.getByRole("region", { name: "Reminders" });
    await expect(section.getByText("No device has push on yet.")).toBeVisible();
    await section.getByRole("button", { name: "Turn on push on this device" }).click();
    await expect(section.getByText("Push is on for this device. Send a test to see it arrive.")).toBeVisible();

    // The real service worker is registered and active, and subscribe() was asked with the server's key.
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration("/"))?.active?.scriptURL ?? null);
    expect(worker).toMatch(/\/sw\.js$/);
    const asked = await page.evaluate(() => (window as unknown as { pushAsked: unknown[] }).pushAsked);
    expect(asked).toEqual([{ userVisibleOnly: true, key: serverVapidKey() }]);

    await page.reload();
    const devices = section.getByRole("list", { name: "Devices with push on" });
    await expect(devices.getByRole("listitem")).toHaveCount(1);
    await expect(devices).toContainText("Chrome");
    await expect(section.getByLabel("Push carries")).toHaveValue("all");
    await expectNoSeriousViolations(page, "Settings with push on");

    await section.getByRole("button", { name: "Send a test push" }).click();
    await expect(section.getByText("A test is on its way to your devices with push on.", { exact: false })).toBeVisible();
    await expect.poll(() => service.requests.length, { timeout: 20_000 }).toBe(1);
    const [push] = service.requests;
    expect(push).toMatchObject({ method: "POST", url: "/push/e2e-device" });
    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(verifyVapid(push.headers.authorization, serverVapidKey()).aud).toBe(service.url);
    const payload = JSON.parse(decryptPush(push.raw, keys)) as Record<string, string>;
    expect(payload).toMatchObject({ title: "Shortlist test reminder", body: "This is the test you asked for: reminders reach you here." });

    // What the service worker makes of that payload: Chromium's DevTools protocol hands it the decrypted data as
    // its push service would, and the worker shows it as a notification tagged with the delivery's id.
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => {
      cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
        const ours = registrations.find((r) => !r.isDeleted && r.scopeURL === `${baseURL}/`);
        if (ours) resolve(ours.registrationId);
      });
    });
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: String(baseURL), registrationId: await registrationId, data: decryptPush(push.raw, keys) });
    await expect
      .poll(() => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag }))))
      .toEqual([{ title: payload.title, body: payload.body, tag: payload.tag }]);
    await cdp.detach();

    await section.getByLabel("Push carries").selectOption("nudges");
    await section.getByRole("button", { name: "Save push" }).click();
    await expect(section.getByText("Saved.", { exact: true })).toBeVisible();
    await page.reload();
    await expect(section.getByLabel("Push carries")).toHaveValue("nudges");

    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await section.screenshot({ path: `test-results/reminders-push-${width}.png` });
    }

    await devices.getByRole("button", { name: /^Remove / }).click();
    await expect(section.getByText("No device has push on yet.")).toBeVisible();
  } finally {
    await service.close();
  }
});

test("a browser that blocked notifications is told how to allow them", async ({ signedIn: page }) => {
  // What Chromium reports once the person has chosen "Block" for the site.
  await page.addInitScript(() => {
    Object.defineProperty(Notification, "permission", { get: () => "denied" });
  });
  await page.goto("/settings#reminders-heading");
  const section = page.getByRole("region", { name: "Reminders" });
  await expect(section.getByText("Notifications are blocked for this site in this browser.", { exact: false })).toBeVisible();
  await expect(section.getByRole("button", { name: "Turn on push on this device" })).toHaveCount(0);
});

test("another account's device can neither be seen nor removed from Settings", async ({ signedIn: page, account, browser }) => {
  const device = async (email: string, name: string) => {
    const keys = browserKeys();
    await run(
      sql`insert into push_subscriptions (id, user_id, endpoint, p256dh, auth, device_label, created_at)
          select ${randomUUID()}, id, ${`https://push.example.com/${name}`}, ${keys.p256dh}, ${keys.authText}, ${name}, ${instantMs(Date.now())} from users where email = ${email}`,
    );
    return (await row<{ id: string }>(sql`select id from push_subscriptions where endpoint = ${`https://push.example.com/${name}`}`))!.id;
  };
  const other = newAccount("pushowner");
  const otherContext = await browser.newContext();
  await signUp(await otherContext.newPage(), other);
  const theirs = await device(other.email, "Their Phone");
  await device(account.email, "My Laptop");

  await page.goto("/settings#reminders-heading");
  const devices = page.getByRole("list", { name: "Devices with push on" });
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(devices).not.toContainText("Their Phone");
  // The Remove form, sent with the other account's device id instead of mine.
  await devices.locator('input[name="id"]').evaluate((input: HTMLInputElement, id) => (input.value = id), theirs);
  await devices.getByRole("button", { name: "Remove My Laptop" }).click();
  await expect(page.getByText("That device was not found: it may have been removed already.")).toBeVisible();
  expect(await row(sql`select device_label from push_subscriptions where id = ${theirs}`)).toEqual({ device_label: "Their Phone" });
  await otherContext.close();
});
