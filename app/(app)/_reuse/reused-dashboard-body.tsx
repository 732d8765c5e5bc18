import { cacheLife } from "next/cache";
import { DashboardBody, type DashboardBodyProps } from "../_components/today/dashboard-body";
import { dashboardKey, type DashboardKeyInputs } from "./dashboard-key";
import { handedOver, withHandedOver } from "./hand-over";

/** A day on the server, as long as it is used: the key changes with any write, the clock and the user, so an entry can never be wrong, only unused. */
const KEPT_SECONDS = 24 * 60 * 60;

/**
 * The body, rendered once per key and kept by Next's "use cache" in this
 * process's memory (an LRU bounded in bytes, cacheMaxMemorySize). `stale: 0`:
 * the browser's router never reuses it on its own; every navigation asks.
 */
async function renderedBody(key: string) {
  "use cache";
  cacheLife({ stale: 0, revalidate: KEPT_SECONDS, expire: KEPT_SECONDS + 1 });
  return <DashboardBody {...handedOver<DashboardBodyProps>(key)} />;
}

/**
 * The dashboard's body, reused while its key holds (see dashboardKey), rendered afresh otherwise.
 * SHORTLIST_RENDER_REUSE=off renders it every time (what npm run bench:reuse compares against).
 */
export async function reusedDashboardBody(inputs: DashboardKeyInputs) {
  if (process.env.SHORTLIST_RENDER_REUSE === "off") return <DashboardBody {...inputs} />;
  const key = dashboardKey(inputs);
  return withHandedOver(key, inputs, () => renderedBody(key));
}
