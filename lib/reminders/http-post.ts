import "server-only";
import { DeliveryError } from "./channel";

/** Well inside the claim's lease (lib/data/reminder-claim.ts). */
const POST_TIMEOUT_MS = 30_000;

/**
 * POSTs to an account's own endpoint (an ntfy server, a webhook) and turns
 * whatever goes wrong into words for Settings. A 404 or 410 is final: the
 * address is gone, and trying again will not bring it back.
 */
export async function postOrExplain(what: string, url: string, init: { body: string; headers: Record<string, string> }): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: init.body, headers: init.headers, redirect: "error", signal: AbortSignal.timeout(POST_TIMEOUT_MS) });
  } catch (error) {
    if ((error as Error | null)?.name === "TimeoutError") throw new DeliveryError(`${what} did not answer in time`);
    throw new DeliveryError(`${what} could not be reached`);
  }
  // Read it through so the connection can be reused; what it says is not needed.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  if (response.status === 401 || response.status === 403) throw new DeliveryError(`${what} refused the access token (${response.status})`);
  if (response.status === 404 || response.status === 410) throw new DeliveryError(`${what} says the address is not there (${response.status})`, true);
  throw new DeliveryError(`${what} answered ${response.status}`);
}
