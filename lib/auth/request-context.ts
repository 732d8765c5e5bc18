import "server-only";
import { headers } from "next/headers";
import { clientAddressFrom } from "./client-address";

/** Who is asking, as far as the request tells: for the throttle, the session list and the security log. */
export async function requestContext(): Promise<{ address: string | null; userAgent: string | null }> {
  try {
    const h = await headers();
    return { address: clientAddressFrom(h), userAgent: h.get("user-agent") };
  } catch {
    // Outside a request (a script, a test): nobody to name.
    return { address: null, userAgent: null };
  }
}
