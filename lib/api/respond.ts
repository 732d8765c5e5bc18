import "server-only";
import { StorageError, storageMessage } from "@/db/storage-error";
import { serverLog } from "@/lib/security-log";
import { ApiError, type FieldProblems } from "./api-error";
import { TooManyRequestsError, UnauthorizedError } from "./authenticate";

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers: { ...NO_STORE, ...headers } });
}

/** Every refusal has this shape: a sentence, and the fields it is about. */
export function problem(status: number, message: string, fields?: FieldProblems, headers: Record<string, string> = {}): Response {
  return json({ error: { message, ...(fields ? { fields } : {}) } }, status, headers);
}

/**
 * The answer to whatever an operation threw: its own refusal, a storage
 * failure in words, or (for a bug) a plain 500 with the detail in the log
 * only.
 */
export function answerFailure(error: unknown): Response {
  if (error instanceof TooManyRequestsError) return problem(429, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof UnauthorizedError) return problem(401, error.message, undefined, error.headers);
  if (error instanceof ApiError) return problem(error.status, error.message, error.fields);
  if (error instanceof StorageError) {
    serverLog("warn", "an API request met a storage failure", { kind: error.kind });
    return problem(503, storageMessage(error.kind), undefined, { "Retry-After": "5" });
  }
  serverLog("error", "an API request failed", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return problem(500, "Something went wrong on the server; nothing is known to have changed. Try again.");
}
