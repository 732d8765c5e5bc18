import "server-only";
import pino, { type DestinationStream, type Logger } from "pino";

/** Every event the security log records; an operator can grep for each by name. */
export type SecurityEvent =
  | "sign-in-succeeded"
  | "sign-in-failed"
  | "throttled"
  | "signed-out"
  | "session-ended"
  | "sessions-revoked"
  | "account-created"
  | "sign-up-requested"
  | "sign-up-refused"
  | "password-changed"
  | "password-change-refused"
  | "password-reset-requested"
  | "password-reset-completed"
  | "password-reset-refused"
  | "two-factor-enabled"
  | "two-factor-disabled"
  | "two-factor-change-refused"
  | "recovery-code-used"
  | "recovery-codes-replaced"
  | "email-changed"
  | "email-change-refused"
  | "account-deleted"
  | "access-denied"
  | "session-refused"
  | "token-created"
  | "token-revoked"
  | "token-refused";

/**
 * What a line may carry besides its event. A closed list on purpose: there
 * is no field a password, code, cookie or token could be passed in.
 */
export type SecurityFields = {
  userId?: string | null;
  address?: string | null;
  reason?: string;
  /** Which limit held (sign-in, two-factor, sign-up, password-check). */
  attempt?: string;
  /** For access-denied: what kind of record, and its id. */
  resource?: string;
  resourceId?: string;
  count?: number;
  remaining?: number;
  twoFactor?: boolean;
  /** Lines of the same event and address held back by the per-address limit (security-log-rate.ts). */
  suppressed?: number;
};

type RequestStore = { id: string; request?: string } | undefined;
const requestContext = () => (globalThis as Record<symbol, { getStore(): RequestStore } | undefined>)[Symbol.for("shortlist.requestContext")];

function build(destination: DestinationStream): Logger {
  return pino(
    {
      base: null,
      // ISO 8601 in UTC; JSON itself escapes newlines, so one event is one line.
      timestamp: pino.stdTimeFunctions.isoTime,
      // The same shape as every other line the server writes (lib/log/json-lines.mjs).
      messageKey: "message",
      mixin: () => ({ requestId: requestContext()?.getStore()?.id ?? null }),
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
}

let logger: Logger | undefined;
// Synchronous writes to stdout: a line is out before the response is, and
// pino needs no worker thread (which Next's bundling would have to trace).
const root = () => (logger ??= build(pino.destination({ dest: 1, sync: true })));

/** One JSON line for a security event: `{"level","time","log":"security","event","userId","address",...}`. */
export function securityLog(event: SecurityEvent, fields: SecurityFields = {}, level: "info" | "warn" = "info"): void {
  const { userId = null, address = null, ...rest } = fields;
  root()[level]({ log: "security", event, userId, address, ...rest }, event);
}

/** Operational lines (not security events), on the same stream and in the same shape. */
export function serverLog(level: "debug" | "info" | "warn" | "error", message: string, fields: Record<string, string | number | boolean | null> = {}): void {
  root()[level]({ log: "server", ...fields }, message);
}

/** Tests (and the bench) point the log at their own stream; returns the function that puts it back. */
export function redirectLog(destination: DestinationStream): () => void {
  const previous = logger;
  logger = build(destination);
  return () => {
    logger = previous;
  };
}
