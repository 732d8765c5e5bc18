import { expect, test } from "./fixtures";
import { staticScript } from "./support/static-script";

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
