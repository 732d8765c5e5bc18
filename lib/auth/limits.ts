/**
 * The account layer's limits, in one place. The throttle limits can be
 * raised or lowered per server with the environment variables named beside
 * them (the browser suite raises the per-address ones, since it signs up
 * many accounts from 127.0.0.1); the defaults are what a server gets.
 */

import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "@/lib/time/units";

/**
 * Failed sign-ins and codes: past its limit a counter asks for a delay after
 * each failure, doubling from BACKOFF_BASE_MS up to BACKOFF_CAP_MS, instead
 * of a wall that a stranger could keep the owner behind. A counter starts
 * over after THROTTLE_WINDOW_MS without a failure (longer than the cap, so a
 * patient guesser never gets a fresh allowance).
 */
export const THROTTLE_WINDOW_MS = 15 * MINUTE_MS;
export const BACKOFF_BASE_MS = SECOND_MS;
export const BACKOFF_CAP_MS = 5 * MINUTE_MS;

/** The delay a counter asks for after its latest failure, `failures` in all against its `limit`: none below it. */
export function backoffDelayMs(failures: number, limit: number): number {
  if (failures < limit) return 0;
  // 2^20 s is far past the cap: no overflow to Infinity however many failures.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(failures - limit, 20));
}

/** A signed-in device's own cookie (lib/auth/device-cookie.ts) lives this long, renewed at each sign-in. */
export const DEVICE_COOKIE_MAX_AGE_MS = 365 * DAY_MS;
/** Sign-ups are counted per address in windows of this length. */
export const SIGN_UP_WINDOW_MS = HOUR_MS;

export type ThrottleLimits = {
  /** Failures for one account from one address (and from one known device): the owner's other devices are not affected. */
  pair: number;
  /** Failures from one address, whatever accounts it tries (several people can share an address). */
  address: number;
  /** Failures for one account from everywhere: much higher, so strangers cannot lock the owner out. */
  account: number;
  /** Wrong two-factor codes for one account from everywhere (someone who has the password). */
  codeAccount: number;
  /** Sign-ups from one address per SIGN_UP_WINDOW_MS: each costs a deliberately slow hash. */
  signUp: number;
};

export const DEFAULT_LIMITS: ThrottleLimits = { pair: 5, address: 20, account: 50, codeAccount: 10, signUp: 10 };

export const LIMIT_ENV: Record<keyof ThrottleLimits, string> = {
  pair: "SHORTLIST_SIGN_IN_PAIR_LIMIT",
  address: "SHORTLIST_SIGN_IN_ADDRESS_LIMIT",
  account: "SHORTLIST_SIGN_IN_ACCOUNT_LIMIT",
  codeAccount: "SHORTLIST_TWO_FACTOR_ACCOUNT_LIMIT",
  signUp: "SHORTLIST_SIGN_UP_ADDRESS_LIMIT",
};

/** The limits in force: each default unless its variable holds a whole number of at least 1. */
export function throttleLimits(env: Record<string, string | undefined> = process.env): ThrottleLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(LIMIT_ENV) as (keyof ThrottleLimits)[]) {
    const raw = env[LIMIT_ENV[name]]?.trim();
    if (raw && /^\d+$/.test(raw) && Number(raw) >= 1) limits[name] = Number(raw);
  }
  return limits;
}

/** A session ends after this long without use... */
export const SESSION_IDLE_LIMIT_MS = 14 * DAY_MS;
/** ...and this long after its sign-in at the latest, whatever its cookie says. */
export const SESSION_ABSOLUTE_LIMIT_MS = 30 * DAY_MS;
/** "Last seen" is written at most this often per session, not on every request. */
export const LAST_SEEN_UPDATE_MS = 5 * MINUTE_MS;

/** How long the second step of a two-factor sign-in waits for its code. */
export const TWO_FACTOR_CHALLENGE_MS = 5 * MINUTE_MS;
