import type { Db } from "@/db/open";
import type { AccountEmail } from "@/lib/auth/mailer";
import { scryptHash } from "@/lib/auth/password";
import { emailSignUp, finishSignUpFromLink, SIGN_UP_LINK_MS, signUpTokenHash } from "@/lib/auth/sign-up-link";
import { beginSignUp, finishSignUp } from "@/lib/data/sign-up-requests";
import { NOW } from "./guidance-data";

const ORIGIN = "https://jobs.example.com";
const PASSWORD = "lantern orchard quiver 42";
const input = (email: string) => ({ name: "Dee", email, password: PASSWORD, timeZone: "UTC" });

export type SignUpFixture = { db: Db; signUpToken: string };

// The lightest hash verifyPassword accepts, made once: every test's fixture has a link.
let cheapHash: Promise<string> | undefined;

/** A live sign-up link of Dee's (no account yet): its token. */
export async function prepareSignUp(db: Db): Promise<string> {
  const sent: AccountEmail[] = [];
  cheapHash ??= scryptHash(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
  const mail = { send: async (m: AccountEmail) => void sent.push(m), origin: ORIGIN };
  await emailSignUp(db, { input: input("dee@example.com"), passwordHash: await cheapHash, address: null, now: NOW, mail });
  return sent[0].text.match(/\/sign-up\/finish\/([A-Za-z0-9_-]+)/)?.[1] ?? "";
}

const request = (email: string) => ({ email, name: "Eve", passwordHash: "hash", timeZone: null });

export const SIGN_UP_WRITE_CASES: Record<string, (f: SignUpFixture) => unknown> = {
  "lib/auth/sign-up-link.ts#emailSignUp": (f) =>
    emailSignUp(f.db, { input: input("eve@example.com"), passwordHash: "hash", address: "10.0.0.9", now: NOW, mail: { send: async () => {}, origin: ORIGIN } }),
  "lib/auth/sign-up-link.ts#finishSignUpFromLink": (f) => finishSignUpFromLink(f.db, { token: f.signUpToken, password: PASSWORD, address: null, now: NOW }),
  "lib/data/sign-up-requests.ts#beginSignUp": (f) =>
    beginSignUp(f.db, { request: request("eve@example.com"), tokenHash: "eve-hash", expiresAt: new Date(NOW.getTime() + SIGN_UP_LINK_MS), now: NOW }),
  "lib/data/sign-up-requests.ts#finishSignUp": (f) => finishSignUp(f.db, { tokenHash: signUpTokenHash(f.signUpToken), now: NOW }),
};
