import { expect, newAccount, signUp, test } from "./fixtures";

/** A script the sign-in page loads: a static file under /_next/static. */
async function staticScript(request: import("@playwright/test").APIRequestContext): Promise<string> {
  const html = await (await request.get("/sign-in")).text();
  const src = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  if (!src) throw new Error("no static script on /sign-in");
  return src;
}

test("every kind of response carries the security headers, static files included", async ({ request }) => {
  for (const path of ["/sign-in", "/api/auth/session", "/icon.svg", "/applications", await staticScript(request)]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(400);
    const headers = response.headers();
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"], path).toContain("base-uri 'none'");
    expect(headers["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  }
});

test("Auth.js redirects name the host the request came to, not localhost", async ({ request, baseURL }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: "nobody@example.com", password: "not the password" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
  expect(response.headers()["location"]).toMatch(new RegExp(`^${baseURL!.replace(/[.]/g, "\\.")}/`));
  expect(response.headers()["location"]).not.toContain("localhost");
});

test("the session cookie is HttpOnly and SameSite", async ({ signedIn: page }) => {
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toBeDefined();
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
});

test("malformed posts to the sign-in endpoint are refused without a server error", async ({ request }) => {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const forms: Record<string, string>[] = [
    { csrfToken, email: "x".repeat(10_000), password: "" },
    { csrfToken, email: "nobody@example.com", password: "p".repeat(100_000) },
    { csrfToken },
    { email: "no-token@example.com", password: "whatever" },
  ];
  for (const form of forms) {
    const response = await request.post("/api/auth/callback/credentials", { form, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(Object.keys(form))).toBeGreaterThanOrEqual(300);
    expect(response.status()).toBeLessThan(500);
    // Refused means no session cookie was set.
    expect(response.headers()["set-cookie"] ?? "").not.toContain("session-token");
  }
});

test("HSTS is sent only over HTTPS, and the session cookie is then Secure", async ({ browser, playwright }) => {
  const account = newAccount("https");
  const context = await browser.newContext();
  await signUp(await context.newPage(), account);
  await context.close();

  // Over plain HTTP (no TLS proxy in front): no HSTS, which a browser would ignore anyway.
  const plain = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect((await plain.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
  await plain.dispose();

  // As a TLS proxy forwards it.
  const tls = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  for (const path of ["/sign-in", "/api/auth/session", "/applications", "/icon.svg", await staticScript(tls)]) {
    expect((await tls.get(path, { maxRedirects: 0 })).headers()["strict-transport-security"], path).toBe("max-age=31536000; includeSubDomains");
  }
  const { csrfToken } = (await (await tls.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await tls.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: account.email, password: account.password },
    maxRedirects: 0,
  });
  const session = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session-token"))?.value ?? "";
  // __Host-: Secure, Path=/ and no Domain, or the browser drops it.
  expect(session).toMatch(/^__Host-authjs\.session-token=/);
  expect(session).toMatch(/; Secure/i);
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; Path=\/(;|$)/i);
  expect(session).not.toMatch(/; Domain=/i);
  // And the device cookie that exempts this browser from the account-wide sign-in limit.
  const device = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("shortlist-device"))?.value ?? "";
  expect(device).toMatch(/^__Host-shortlist-device=d1\./);
  expect(device).toMatch(/; Secure/i);
  expect(device).toMatch(/; HttpOnly/i);
  await tls.dispose();
});
