/** What a holder calls to let the next one in. */
export type Release = () => void;

/** A wait that ran out: the caller turns it into "busy". */
export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
}

type Waiter = { grant: (release: Release) => void; timer: NodeJS.Timeout };

/**
 * One holder at a time, served in the order they asked. Waiting is an
 * await, so the event loop (and every read) goes on meanwhile; a wait longer
 * than `timeoutMs` gives up with a LockTimeoutError and leaves the queue.
 */
export class FifoLock {
  private held = false;
  private readonly queue: Waiter[] = [];

  acquire(timeoutMs: number): Promise<Release> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          this.queue.splice(this.queue.indexOf(waiter), 1);
          reject(new LockTimeoutError(`waited ${timeoutMs} ms for the write lock`));
        }, timeoutMs),
      };
      this.queue.push(waiter);
    });
  }

  /** How many are waiting, for tests and the log. */
  get waiting(): number {
    return this.queue.length;
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return; // a second call must not let two holders in
      released = true;
      const next = this.queue.shift();
      if (!next) {
        this.held = false;
        return;
      }
      clearTimeout(next.timer);
      next.grant(this.releaser());
    };
  }
}
