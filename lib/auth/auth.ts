import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/config";
import { logStorageError, storageErrorIn } from "@/db/storage-error";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { headers } from "next/headers";
import { configuredForHttps, reachedOverHttps } from "@/lib/http/transport-security";
import { serverLog } from "@/lib/security-log";
import { SECOND_MS } from "@/lib/time/units";
import { clientAddressFrom } from "./client-address";
import { deviceTokenFrom } from "./device-cookie";
import { rememberDevice } from "./remember-device";
import { SESSION_ABSOLUTE_LIMIT_MS } from "./limits";
import { requestContext } from "./request-context";
import { logUnreadableCookie, validateSession } from "./session-check";
import { sessionCookieOptions } from "./session-cookie-options";
import { signInAttempt } from "./sign-in";
import { endSignedOutSession } from "./sign-out";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
  }
}

/** A refused step, its reason as the code: "throttled", "wrong-code", "reused-code", "challenge-expired". */
export class SignInRefused extends CredentialsSignin {
  constructor(reason: string) {
    super();
    this.code = reason;
  }
}

/**
 * The password was right, and the account wants a code. The sealed challenge
 * travels on this error to the sign-in action (the only caller that can use
 * it); a direct POST to the endpoint gets a redirect and no session.
 */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two-factor-required";
  constructor(readonly challenge: string) {
    super();
  }
}

/** Whether this request came over HTTPS; signIn() and signOut() in actions pass no request, so the action's own headers tell. */
async function secureRequest(request: Request | undefined): Promise<boolean> {
  if (request) return reachedOverHttps(request.headers);
  try {
    return reachedOverHttps(await headers());
  } catch {
    return configuredForHttps();
  }
}

// Lazy, and per request: the secret is read (or generated) on the first
// request, not at build, and the cookies follow the request's scheme.
export const { handlers, auth, signIn, signOut } = NextAuth(async (request) => ({
  secret: authSecret(),
  trustHost: true,
  ...sessionCookieOptions(await secureRequest(request)),
  // The cookie may live this long; the session record decides (lib/auth/limits.ts).
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_LIMIT_MS / SECOND_MS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {}, challenge: {}, code: {} },
      // Also reachable by a direct POST to /api/auth/callback/credentials, so
      // the throttle and the second step are enforced here, not in the form.
      async authorize(raw, request) {
        const secure = reachedOverHttps(request.headers);
        const deviceToken = deviceTokenFrom(request.headers.get("cookie"), secure);
        // Counting the attempt writes: wait out a lock held elsewhere, as forms do.
        const outcome = await retryWhileBusy(() =>
          signInAttempt(getDb(), raw, {
            address: clientAddressFrom(request.headers),
            userAgent: request.headers.get("user-agent"),
            now: new Date(),
            deviceToken,
          }),
        );
        if (outcome.kind === "signed-in") {
          await rememberDevice(outcome.userId, deviceToken, secure);
          return { id: outcome.userId, sessionVersion: outcome.sessionVersion, sessionId: outcome.sessionId };
        }
        if (outcome.kind === "two-factor-required") throw new TwoFactorRequired(outcome.challenge);
        if (outcome.reason === "invalid") return null;
        throw new SignInRefused(outcome.reason);
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        token.sid = user.sessionId;
        return token;
      }
      // A signed-out, ended or expired session is dropped here too, so the
      // session endpoint stops answering for it and stops refreshing its
      // cookie. (requireUser() makes the same check for every page and action.)
      const { address } = await requestContext();
      return (await validateSession(getDb(), token, { now: new Date(), address })) ? token : null;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      session.sessionVersion = token.sv;
      session.sessionId = token.sid;
      return session;
    },
  },
  events: {
    async signOut(message) {
      // Only for a sign-out that reached the endpoint without the app's own
      // action (which ends the record itself): the record must go either way.
      const token = "token" in message ? message.token : null;
      if (token?.uid && token.sid) {
        await endSignedOutSession(getDb(), { userId: token.uid, sessionId: token.sid, address: (await requestContext()).address });
      }
    },
  },
  logger: {
    // Auth.js would print each refused or expired cookie as a stack trace with
    // the token's contents; here each is at most one line, without them.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "JWTSessionError" || type === "SessionTokenError") {
        void requestContext().then(({ address }) => logUnreadableCookie(address, new Date()));
        return;
      }
      // A post without its CSRF token is the client's fault (or a forgery), not ours.
      if (type === "MissingCSRF") return serverLog("warn", "an auth post without its CSRF token was refused");
      const storage = storageErrorIn(error);
      if (storage) return logStorageError(storage, "sign-in");
      serverLog("error", "auth error", { type });
    },
    warn(code) {
      serverLog("warn", "auth warning", { code });
    },
    debug() {},
  },
}));
