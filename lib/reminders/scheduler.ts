import "server-only";
import type { Db } from "@/db/open";
import { afterEveryCommit } from "@/db/write";
import { MINUTE_MS } from "@/lib/time/units";
import { schedulerPass, type PassOptions, type PassResult } from "./pass";

/** A full pass at least this often: digests and nudges that time alone brings are found within a minute. */
export const PASS_EVERY_MS = MINUTE_MS;
/** After a user's write, their pass waits this long, so a burst of saves makes one pass. */
const AFTER_WRITE_MS = 500;

export type Scheduler = {
  /** Resolves after the pass under way (if any) has finished; no pass starts after it is called. */
  stop(): Promise<void>;
  /** Runs a full pass now (or right after the one under way). */
  wake(): void;
  /** The outcome of the next pass to finish: its result, or its error thrown. */
  nextPass(): Promise<PassResult>;
};

type SchedulerOptions = Omit<PassOptions, "userIds"> & {
  everyMs?: number;
  /** Told how each pass went, or why it failed. */
  report?: (outcome: { result: PassResult } | { error: unknown }) => void;
};

/**
 * Runs scheduler passes: one at start, one every minute, and one for a user
 * shortly after a write of theirs commits (so an interview booked at short
 * notice, or a change of settings, is acted on at once). Passes never
 * overlap; one that fails is reported and the next goes on.
 */
export function startScheduler(db: Db, { channels, clock, everyMs = PASS_EVERY_MS, report = () => {} }: SchedulerOptions): Scheduler {
  let stopped = false;
  let running: Promise<void> | null = null;
  let full = true;
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let waiting: { resolve: (r: PassResult) => void; reject: (e: unknown) => void }[] = [];
  const settle = (outcome: { result: PassResult } | { error: unknown }) => {
    const all = waiting;
    waiting = [];
    for (const w of all) {
      if ("error" in outcome) w.reject(outcome.error);
      else w.resolve(outcome.result);
    }
    report(outcome);
  };

  const schedule = (ms: number) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(run, ms);
    // The scheduler alone never keeps a process alive: the server or the worker decides when to stop.
    timer.unref();
  };

  function run() {
    if (stopped) return;
    if (running) return;
    const userIds = full ? undefined : [...dirty];
    full = false;
    dirty.clear();
    running = schedulerPass(db, { channels, clock, userIds })
      .then((result) => settle({ result }))
      .catch((error: unknown) => settle({ error }))
      .finally(() => {
        running = null;
        if (dirty.size > 0 || full) schedule(AFTER_WRITE_MS);
        else schedule(everyMs);
      });
  }

  const stopListening = afterEveryCommit((scope) => {
    if (stopped || !("userId" in scope)) return;
    dirty.add(scope.userId);
    if (!running) schedule(AFTER_WRITE_MS);
  });

  schedule(0);
  // A full pass every minute, even when passes for writes keep coming.
  const minute = setInterval(() => {
    full = true;
    if (!running) schedule(0);
  }, everyMs);
  minute.unref();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      clearInterval(minute);
      stopListening();
      await running;
    },
    wake() {
      full = true;
      if (!running) schedule(0);
    },
    nextPass() {
      return new Promise<PassResult>((resolve, reject) => waiting.push({ resolve, reject }));
    },
  };
}
