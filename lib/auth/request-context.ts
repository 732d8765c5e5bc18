import "server-only";
import { headers } from "next/headers";
import { publicOrigin } from "@/lib/calendar/origin";
import { clientAddressFrom } from "./client-address";

export type RequestContext = { address: string | null; userAgent: string | null; host: string | null };

/** Who is asking, and at what host name, as far as the request tells: for the throttle, the session list, the security log and password screening. */
export async function requestContext(): Promise<RequestContext> {
  try {
    const h = await headers();
    const origin = publicOrigin(h);
    return { address: clientAddressFrom(h), userAgent: h.get("user-agent"), host: origin ? new URL(origin).hostname : null };
  } catch {
    // Outside a request (a script, a test): nobody to name.
    return { address: null, userAgent: null, host: null };
  }
}
