import "server-only";
import { cookies, headers } from "next/headers";
import { reachedOverHttps } from "@/lib/http/transport-security";
import { SECOND_MS } from "@/lib/time/units";
import { TWO_FACTOR_CHALLENGE_MS } from "./limits";

// Only the sign-in pages and their actions need it, so only they are sent it.
const NAME = "shortlist-sign-in-challenge";
const PATH = "/sign-in";

/** Keeps the sealed "password was right" note between the two sign-in steps. */
export async function setChallengeCookie(challenge: string): Promise<void> {
  (await cookies()).set(NAME, challenge, {
    httpOnly: true,
    sameSite: "lax",
    secure: reachedOverHttps(await headers()),
    path: PATH,
    maxAge: TWO_FACTOR_CHALLENGE_MS / SECOND_MS,
  });
}

export async function readChallengeCookie(): Promise<string | null> {
  return (await cookies()).get(NAME)?.value ?? null;
}

export async function clearChallengeCookie(): Promise<void> {
  (await cookies()).delete({ name: NAME, path: PATH });
}
