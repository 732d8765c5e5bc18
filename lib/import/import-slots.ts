// How many imports run at once: one per account, and a few per server.
// Reading, checking and saving a 10 MB file takes seconds of a core; with
// no limit one account posting previews back to back would keep every core
// busy and everyone else waiting. The rest are refused with when to try again.

/** Imports (previews and runs) the server works on at once, unless SHORTLIST_IMPORTS_AT_ONCE says otherwise. */
export const DEFAULT_IMPORTS_AT_ONCE = 2;
/** What an import is assumed to take before any has finished. */
const FIRST_GUESS_MS = 5_000;

export type SlotAnswer = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; message: string };

/** A whole number of at least 1 from the environment, else the default (as the sign-in limits are read). */
export function importsAtOnce(value = process.env.SHORTLIST_IMPORTS_AT_ONCE): number {
  const raw = value?.trim();
  return raw && /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : DEFAULT_IMPORTS_AT_ONCE;
}

const seconds = (n: number) => (n === 1 ? "1 second" : `${n} seconds`);

export function createImportSlots({ perServer, now = () => Date.now() }: { perServer: number; now?: () => number }) {
  const running = new Map<symbol, { userId: string; since: number }>();
  // A running average of how long imports take, for the "try again in" estimate.
  let typicalMs = FIRST_GUESS_MS;

  /** Seconds until one of `those` is likely done: the typical time less what the oldest has run, at least 1. */
  const wait = (those: { since: number }[]) => {
    const oldest = Math.min(...those.map((r) => r.since));
    return Math.max(1, Math.ceil((typicalMs - (now() - oldest)) / 1000));
  };

  function acquire(userId: string): SlotAnswer {
    const mine = [...running.values()].filter((r) => r.userId === userId);
    if (mine.length) {
      const retryAfterSeconds = wait(mine);
      return { ok: false, retryAfterSeconds, message: `Your other import is still running. Try again in about ${seconds(retryAfterSeconds)}, once it has finished.` };
    }
    if (running.size >= perServer) {
      const retryAfterSeconds = wait([...running.values()]);
      return { ok: false, retryAfterSeconds, message: `Shortlist is busy reading other imports. Try again in about ${seconds(retryAfterSeconds)}.` };
    }
    const token = Symbol(userId);
    const since = now();
    running.set(token, { userId, since });
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        running.delete(token);
        typicalMs = Math.round(typicalMs * 0.7 + (now() - since) * 0.3);
      },
    };
  }

  return { acquire, running: () => running.size };
}

let shared: ReturnType<typeof createImportSlots> | undefined;
/** The server's one set of slots, sized from the environment on first use. */
export const importSlots = () => (shared ??= createImportSlots({ perServer: importsAtOnce() }));
