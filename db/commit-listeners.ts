import type { WriteScope } from "./write-scope";

type CommitListener = (scope: WriteScope) => void;
// One set for every copy of this module Next's chunks hold.
const shared = globalThis as unknown as Record<symbol, Set<CommitListener> | undefined>;
const commitListeners = (shared[Symbol.for("shortlist.commitListeners")] ??= new Set<CommitListener>());

/**
 * Calls `listener` after every committed write, with its scope: the
 * reminders' scheduler wakes when a user's data changes what is due. A
 * listener must be quick and must not throw; returns the way to stop.
 */
export function afterEveryCommit(listener: CommitListener): () => void {
  commitListeners.add(listener);
  return () => void commitListeners.delete(listener);
}

/** Tells every listener of a committed write; the write is saved, so a listener's failure is only logged. */
export function notifyCommit(scope: WriteScope): void {
  for (const listener of commitListeners) {
    try {
      listener(scope);
    } catch (error) {
      console.error("a commit listener failed:", error);
    }
  }
}
