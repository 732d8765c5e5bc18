import "server-only";
import http from "node:http";
import https from "node:https";
import { DeliveryError } from "./channel";
import { PrivateAddressError, publicOnlyLookup, refusePrivateLiteral } from "./outbound-address";

/** Well inside the claim's lease (lib/data/reminder-claim.ts). */
const POST_TIMEOUT_MS = 30_000;

export type PostOptions = {
  /** The operator let reminders reach private networks (SHORTLIST_REMINDERS_PRIVATE_NETWORK). */
  allowPrivateNetwork: boolean;
};

/**
 * The status code of one POST to an address an account gave (an ntfy server,
 * a webhook, a push service); the answer's body is read through and dropped.
 * Throws PrivateAddressError for a private address the operator did not allow.
 */
export function post(url: URL, init: { body: string | Uint8Array; headers: Record<string, string> }, { allowPrivateNetwork }: PostOptions): Promise<number> {
  if (!allowPrivateNetwork) refusePrivateLiteral(url);
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      {
        method: "POST",
        headers: { ...init.headers, "Content-Length": String(Buffer.byteLength(init.body)) },
        timeout: POST_TIMEOUT_MS,
        ...(allowPrivateNetwork ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        // Read it through so the socket is released; what it says is not needed.
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error("timed out"), { name: "TimeoutError" })));
    request.on("error", reject);
    request.end(init.body);
  });
}

/**
 * POSTs to an account's own endpoint (an ntfy server, a webhook) and turns
 * whatever goes wrong into words for Settings. A 404 or 410 is final: the
 * address is gone, and trying again will not bring it back. So is a private
 * address the server may not post to. Redirects are not followed: a public
 * address could send the request on to a private one.
 */
export async function postOrExplain(what: string, url: string, init: { body: string; headers: Record<string, string> }, options: PostOptions): Promise<void> {
  let status: number;
  try {
    status = await post(new URL(url), init, options);
  } catch (error) {
    if (error instanceof PrivateAddressError) {
      throw new DeliveryError(`${what} is on a private network (${error.address}), which this server does not post to`, true);
    }
    if ((error as Error | null)?.name === "TimeoutError") throw new DeliveryError(`${what} did not answer in time`);
    throw new DeliveryError(`${what} could not be reached`);
  }
  if (status >= 200 && status < 300) return;
  if (status === 401 || status === 403) throw new DeliveryError(`${what} refused the access token (${status})`);
  if (status === 404 || status === 410) throw new DeliveryError(`${what} says the address is not there (${status})`, true);
  if (status >= 300 && status < 400) throw new DeliveryError(`${what} answered with a redirect (${status}), which reminders do not follow`, true);
  throw new DeliveryError(`${what} answered ${status}`);
}
