import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/config";
import { logStorageError, storageErrorIn } from "@/lib/data/storage-error";
import { getSessionUser } from "@/lib/data/users";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { clientAddressFrom } from "./client-address";
import { checkCredentials } from "./credentials";

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
        // Counting the attempt writes: wait out a lock held elsewhere, as forms do.
        const result = await retryWhileBusy(() => checkCredentials(getDb(), raw, clientAddressFrom(request.headers), new Date()));
        if (result.ok) return { id: result.userId, sessionVersion: result.sessionVersion };
        if (result.reason === "throttled") throw new ThrottledSignIn();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = user.sessionVersion;
        return token;
      }
      // A revoked or orphaned token is dropped here too, so the session
      // endpoint stops answering for it and stops refreshing its cookie.
      // (requireUser() makes the same check for every page and action.)
      const current = token.uid ? getSessionUser(getDb(), token.uid) : undefined;
      return current && current.sessionVersion === token.sv ? token : null;
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
      // A post without the CSRF token is the client's fault: one line, no stack.
      if ((error as { type?: string }).type === "MissingCSRF") return console.warn("auth: a sign-in post without its CSRF token was refused");
      const storage = storageErrorIn(error);
      if (storage) return logStorageError(storage, "sign-in");
      console.error(error);
    },
  },
}));
