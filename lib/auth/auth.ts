import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/config";
import { clearAccountFailures, recordFailure, retryAfterMs, throttleKeys } from "@/lib/data/sign-in-throttle";
import { findCredentials } from "@/lib/data/users";
import { signInSchema } from "@/lib/validation/auth";
import { clientAddressFrom } from "./client-address";
import { dummyPasswordHash, verifyPassword } from "./password";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    uid?: string;
    sv?: number;
  }
}

/** Thrown when sign-in is refused for too many recent failures. */
export class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

// Lazy: the secret is read (or generated) on the first request, not at build.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      // Also reachable by a direct POST to /api/auth/callback/credentials, so
      // the throttle is enforced here rather than only in the form's action.
      async authorize(raw, request) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const db = getDb();
        const keys = throttleKeys(email, clientAddressFrom(request.headers));
        if (retryAfterMs(db, keys, new Date()) > 0) throw new ThrottledSignIn();

        const account = findCredentials(db, email);
        const ok = await verifyPassword(password, account?.passwordHash ?? (await dummyPasswordHash()));
        if (!account || !ok) {
          recordFailure(db, keys, new Date());
          return null;
        }
        clearAccountFailures(db, email);
        return { id: account.id, sessionVersion: account.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      if (token.uid) session.user.id = token.uid;
      session.sessionVersion = token.sv;
      return session;
    },
  },
  logger: {
    // A wrong password is an expected outcome, not a server error to log.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === "CredentialsSignin") return;
      console.error(error);
    },
  },
}));
