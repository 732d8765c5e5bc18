import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/api-error";
import { authenticate, UnauthorizedError } from "@/lib/api/authenticate";
import { issueAccessToken, revokeListedAccessToken } from "@/lib/auth/access-tokens";
import { resetSecurityLogBuckets } from "@/lib/security-log-rate";
import { DAY_MS } from "@/lib/time/units";
import { makeUser, testDb } from "./support/db";
import { captureLog } from "./support/security-log";

const NOW = new Date("2026-12-07T12:00:00Z");
let db: ReturnType<typeof testDb>;
let ana: Awaited<ReturnType<typeof makeUser>>;
let log: ReturnType<typeof captureLog>;

beforeEach(async () => {
  db = testDb();
  ana = await makeUser(db, "ana@example.com");
  log = captureLog();
  resetSecurityLogBuckets();
});
afterEach(() => log.restore());

const request = (headers: Record<string, string>) => new Request("http://127.0.0.1/api/v1/applications", { headers });
const issue = async (scope: "read" | "write", expiresAt: Date | null = null) => {
  const made = await issueAccessToken(db, { userId: ana.id, name: "agent", scope, expiresAt, now: NOW, address: "10.0.0.1" });
  if (!made.ok) throw new Error("not made");
  return made;
};

async function refusal(run: Promise<unknown>): Promise<ApiError> {
  try {
    await run;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("authenticate: the bearer token, and nothing else", () => {
  it("gives the token's owner, with their zone and date style, for a valid token", async () => {
    const { token } = await issue("write");
    const caller = await authenticate(request({ Authorization: `Bearer ${token}` }), "write", NOW, db);
    expect(caller).toMatchObject({ id: ana.id, email: "ana@example.com", token: { scope: "write", name: "agent" }, dates: { zone: "UTC" } });
  });

  it("ignores cookies: a signed-in browser's request without a token is 401 with a Bearer challenge", async () => {
    const error = await refusal(authenticate(request({ Cookie: "authjs.session-token=whatever" }), "read", NOW, db));
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).headers["WWW-Authenticate"]).toContain("Bearer");
    expect(log.events()).toEqual([]);
  });

  it("refuses and logs a malformed, unknown, expired or revoked token, never writing the token", async () => {
    const expiring = await issue("read", new Date(NOW.getTime() + 30 * DAY_MS));
    const revoked = await issue("read");
    expect(await revokeListedAccessToken(db, { userId: ana.id, id: revoked.listing.id, address: "10.0.0.1" })).toBe(true);
    const cases: [string, Date][] = [
      ["Basic abc", NOW],
      ["Bearer not-a-token", NOW],
      [`Bearer shl_${"x".repeat(43)}`, NOW],
      [`Bearer ${expiring.token}`, new Date(NOW.getTime() + 30 * DAY_MS)],
      [`Bearer ${revoked.token}`, NOW],
    ];
    for (const [header, at] of cases) expect((await refusal(authenticate(request({ Authorization: header }), "read", at, db))).status, header).toBe(401);
    const refused = log.security().filter((l) => l.event === "token-refused");
    expect(refused.map((l) => l.reason)).toEqual(["malformed", "unknown", "expired", "unknown"]);
    expect(refused.find((l) => l.reason === "expired")?.userId).toBe(ana.id);
    expect(log.events()).toEqual(["token-created", "token-created", "token-revoked", ...refused.map(() => "token-refused")]);
    const written = log.raw.join("");
    for (const token of [expiring.token, revoked.token]) expect(written).not.toContain(token.slice(4));
  });

  it("answers 403 when a read token asks to write, and logs it", async () => {
    const { token } = await issue("read");
    expect((await refusal(authenticate(request({ Authorization: `Bearer ${token}` }), "write", NOW, db))).status).toBe(403);
    expect(log.security().at(-1)).toMatchObject({ event: "token-refused", reason: "read-only", userId: ana.id });
  });

  it("does not log another user's revoke of a token that is not theirs", async () => {
    const ben = await makeUser(db, "ben@example.com");
    const { listing } = await issue("read");
    expect(await revokeListedAccessToken(db, { userId: ben.id, id: listing.id, address: null })).toBe(false);
    expect(log.events()).toEqual(["token-created"]);
  });
});
