import "server-only";
import { getDb } from "@/db/client";
import type { Db } from "@/db/open";
import { looksLikeAccessToken } from "@/lib/auth/access-token-secret";
import { clientAddressFrom } from "@/lib/auth/client-address";
import { checkAccessToken, type TokenHolder, type TokenScope } from "@/lib/data/access-tokens";
import { securityLog } from "@/lib/security-log";
import { securityLogPerAddress } from "@/lib/security-log-rate";
import { dateDisplayFor } from "@/lib/time/locale";
import type { DateStyle } from "@/lib/time/formats";
import { ApiError } from "./api-error";
import { RateLimiter, tokenRateLimit } from "./rate-limit";

/** Who an API or MCP request speaks for: the token's owner, read on the server, with how they read dates. */
export type ApiCaller = TokenHolder["user"] & { dates: DateStyle; token: TokenHolder["token"] };

const limiter = new RateLimiter(tokenRateLimit());
const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="Shortlist"' };

export class UnauthorizedError extends ApiError {
  readonly headers = CHALLENGE;
  constructor(message: string) {
    super(401, message);
  }
}

export class TooManyRequestsError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, `Too many requests with this token; try again in ${retryAfterSeconds} seconds.`);
  }
}

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header ? /^Bearer[ ]+(\S+)\s*$/i.exec(header) : null;
  return match ? match[1] : null;
}

/**
 * The caller behind a request's bearer token, or a refusal: 401 for a
 * missing, unknown, revoked or expired token, 429 past the token's rate,
 * 403 when a read token asks to write. Cookies are never read here, so a
 * signed-in browser cannot be steered against the API from another site.
 */
export async function authenticate(request: Request, need: TokenScope, now = new Date(), db: Db = getDb()): Promise<ApiCaller> {
  const token = bearerToken(request);
  const address = clientAddressFrom(request.headers);
  if (!token) throw new UnauthorizedError("Send an access token as “Authorization: Bearer shl_…”; make one in Settings → Access tokens.");
  if (!looksLikeAccessToken(token)) {
    // Anyone can send these as often as they like: at most a few lines a minute per address.
    securityLogPerAddress("token-refused", { address, reason: "malformed" }, { level: "warn" });
    throw new UnauthorizedError("That is not a Shortlist access token.");
  }
  const check = await checkAccessToken(db, { token, now });
  if (!check.ok) {
    securityLogPerAddress("token-refused", { userId: check.userId ?? null, address, reason: check.reason }, { level: "warn" });
    throw new UnauthorizedError(check.reason === "expired" ? "This access token has expired; make a new one in Settings → Access tokens." : "This access token is not valid (revoked, or never issued).");
  }
  const { user, token: used } = check.holder;
  const wait = limiter.take(used.id, now.getTime());
  if (wait !== null) {
    securityLog("throttled", { userId: user.id, address, attempt: "access-token" }, "warn");
    throw new TooManyRequestsError(wait);
  }
  if (need === "write" && used.scope !== "write") {
    securityLog("token-refused", { userId: user.id, address, reason: "read-only" }, "warn");
    throw new ApiError(403, "This token can only read. Make a read-and-write token in Settings → Access tokens to change data.");
  }
  return { ...user, dates: { ...dateDisplayFor(user, null), zone: user.timeZone }, token: used };
}
