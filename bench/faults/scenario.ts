// What every fault scenario reports: a small table of counts, and the checks
// that decide whether `npm run bench:faults` (and CI's short run) passes.
export type Check = { what: string; ok: boolean; detail: string };

export type ScenarioResult = {
  name: string;
  /** The first row is the header. */
  table: string[][];
  checks: Check[];
  seconds: number;
};

export type Context = {
  /** A throwaway folder for this run's databases and logs. */
  dir: string;
  /** A free port to start servers on. */
  port: () => Promise<number>;
  short: boolean;
  say: (line: string) => void;
};

export const check = (what: string, ok: boolean, detail: string): Check => ({ what, ok, detail });
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const count = (n: number) => n.toLocaleString("en-US");
