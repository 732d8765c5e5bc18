// How many imports run at once: one per account, and a few per server.
// Reading, checking and saving a 10 MB file takes seconds of a core; with
// no limit one account posting previews back to back would keep every core
// busy and everyone else waiting. The rest are refused with when to try again.

import { plural } from "@/lib/text/plural";
import { SECOND_MS } from "@/lib/time/units";

/** Imports (previews and runs) the server works on at once, unless SHORTLIST_IMPORTS_AT_ONCE says otherwise. */
export const DEFAULT_IMPORTS_AT_ONCE = 2;
/** What an import is assumed to take before any has finished. */
const FIRST_GUESS_MS = 5_000;

/** A refusal says whether the account's own import is what holds it up (`own`), or other accounts'. */
/** A preview reads and checks; a run saves. Only previews queue behind the account's own previews. */
export type ImportKind = "preview" | "run";
export type SlotAnswer = { ok: true; release: () => void } | { ok: false; own: boolean; retryAfterSeconds: number; message: string };
/** How long a preview waits for the same account's previous preview: changing a column mapping redoes the preview at once. */
export const OWN_WAIT_MS = 3_000;

/** A whole number of at least 1 from the environment, else the default (as the sign-in limits are read). */
export function importsAtOnce(value = process.env.SHORTLIST_IMPORTS_AT_ONCE): number {
  const raw = value?.trim();
  return raw && /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : DEFAULT_IMPORTS_AT_ONCE;
}

const seconds = (n: number) => plural(n, "second", "seconds", "plain");

export function createImportSlots({ perServer, now = () => Date.now() }: { perServer: number; now?: () => number }) {
  const running = new Map<symbol, { userId: string; since: number; kind: ImportKind }>();
  // A running average of how long imports take, for the "try again in" estimate.
  let typicalMs = FIRST_GUESS_MS;
  // Woken at every release, so a wait for one's own import ends as soon as it does.
  const waiting = new Set<() => void>();

  /** Seconds until one of `those` is likely done: the typical time less what the oldest has run, at least 1. */
  const wait = (those: { since: number }[]) => {
    const oldest = Math.min(...those.map((r) => r.since));
    return Math.max(1, Math.ceil((typicalMs - (now() - oldest)) / SECOND_MS));
  };

  function acquire(userId: string, kind: ImportKind = "run"): SlotAnswer {
    const mine = [...running.values()].filter((r) => r.userId === userId);
    if (mine.length) {
      const retryAfterSeconds = wait(mine);
      return { ok: false, own: true, retryAfterSeconds, message: `Your other import is still running. Try again in about ${seconds(retryAfterSeconds)}, once it has finished.` };
    }
    if (running.size >= perServer) {
      const retryAfterSeconds = wait([...running.values()]);
      return { ok: false, own: false, retryAfterSeconds, message: `Shortlist is busy reading other imports. Try again in about ${seconds(retryAfterSeconds)}.` };
    }
    const token = Symbol(userId);
    const since = now();
    running.set(token, { userId, since, kind });
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        running.delete(token);
        typicalMs = Math.round(typicalMs * 0.7 + (now() - since) * 0.3);
        for (const wake of [...waiting]) wake();
      },
    };
  }

  /** Resolves at the next release, or after `ms`, whichever comes first. */
  function nextRelease(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        waiting.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      waiting.add(wake);
    });
  }

  const ownPreviewsOnly = (userId: string) => [...running.values()].every((r) => r.userId !== userId || r.kind === "preview");

  /**
   * As `acquire`, but a preview waits for the account's own running previews,
   * up to `waitMs` of real time: one account still never runs two at once, and
   * its previews, redone as fast as the user changes the mapping, queue instead
   * of failing. An import being saved, and other accounts' imports, are never
   * waited for: those are answered at once.
   */
  async function acquireAfterOwn(userId: string, kind: ImportKind, waitMs = OWN_WAIT_MS): Promise<SlotAnswer> {
    const until = Date.now() + waitMs;
    let answer = acquire(userId, kind);
    while (!answer.ok && answer.own && kind === "preview" && ownPreviewsOnly(userId) && Date.now() < until) {
      await nextRelease(until - Date.now());
      answer = acquire(userId, kind);
    }
    return answer;
  }

  return { acquire, acquireAfterOwn, running: () => running.size };
}

let shared: ReturnType<typeof createImportSlots> | undefined;
/** The server's one set of slots, sized from the environment on first use. */
export const importSlots = () => (shared ??= createImportSlots({ perServer: importsAtOnce() }));
