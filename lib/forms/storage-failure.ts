import { logStorageError, StorageError } from "@/db/storage-error";
import type { FormState } from "./form-state";

/**
 * How long a save keeps trying while another process holds the write lock
 * (a backup, a script, a second server) before the user is told to try again.
 */
export const BUSY_DEADLINE_MS = 5_000;
const FIRST_BACKOFF_MS = 25;
const MAX_BACKOFF_MS = 400;

const isBusy = (error: unknown): error is StorageError => error instanceof StorageError && error.kind === "busy";
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run`, and runs it again while its write fails with "busy", until the
 * deadline. SQLite's own wait (busy_timeout) is kept short because it blocks
 * the whole server; the waiting here is an await, so every other request,
 * reads above all, keeps being answered meanwhile. Safe because a busy write
 * rolled back: nothing of the failed attempt stands.
 */
export async function retryWhileBusy<T>(run: () => Promise<T>, deadlineMs = BUSY_DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (let backoff = FIRST_BACKOFF_MS; ; backoff = Math.min(backoff * 2, MAX_BACKOFF_MS)) {
    try {
      return await run();
    } catch (error) {
      // Jitter, so that writers queued behind the same lock don't all wake together.
      const wait = backoff / 2 + Math.random() * backoff;
      if (!isBusy(error) || Date.now() + wait > deadline) throw error;
      await sleep(wait);
    }
  }
}

/**
 * The form's answer to a storage failure: the plain message, the values as
 * typed (so nothing needs retyping), and one log line. Null for any other
 * error, which the caller throws on.
 */
export function storageFailureState<F extends string>(error: unknown, values: Partial<Record<F, string>>, where: string): FormState<F> | null {
  if (!(error instanceof StorageError)) return null;
  logStorageError(error, where);
  return { message: error.userMessage, values };
}

/**
 * Runs a form's save with the busy retry, and turns a storage failure into
 * the form's message. Anything else (a redirect after success, notFound, a
 * bug) is thrown on unchanged.
 */
export async function saveOrExplain<F extends string>(
  where: string,
  values: Partial<Record<F, string>>,
  run: () => Promise<FormState<F>>,
): Promise<FormState<F>> {
  try {
    return await retryWhileBusy(run);
  } catch (error) {
    const state = storageFailureState<F>(error, values, where);
    if (state) return state;
    throw error;
  }
}
