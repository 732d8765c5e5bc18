/**
 * Now, to the whole second: what a seconds column keeps on either engine
 * (SQLite stores whole seconds; Postgres' timestamp(0) would round, not cut).
 */
export function wholeSecondsNow(): Date {
  return new Date(Math.floor(Date.now() / 1000) * 1000);
}
