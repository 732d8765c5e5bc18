import { expect, newAccount, signUp, test } from "./fixtures";
import { staticScript } from "./support/static-script";

// How a server reads the host and the scheme of a request that reaches it directly, or through a TLS proxy
// that this test plays itself (it sends X-Forwarded-Proto). On SQLite's run only: the Postgres run puts a
// real nginx in front, which sets those headers itself (docs/hosting.md).

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
