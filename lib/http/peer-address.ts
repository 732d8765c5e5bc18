import { randomBytes, timingSafeEqual } from "node:crypto";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";

/** Set from the socket on every request; a copy sent by the client is dropped first. */
export const PEER_ADDRESS_HEADER = "x-shortlist-peer-address";

const INSTALLED = Symbol.for("shortlist.peer-address-header");
// On globalThis, not in a module variable: Next bundles instrumentation.ts and
// the routes separately, so each has its own copy of this module.
const TOKEN = Symbol.for("shortlist.peer-address-token");
type WithToken = typeof globalThis & { [TOKEN]?: string };

/**
 * A random value known only to this process, carried beside the address.
 * `next start` accepts connections before instrumentation.ts has run, so the
 * first requests after a start are never stamped; without the token, a
 * client could send the header itself then and name any address it liked.
 */
function processToken(): string {
  const global = globalThis as WithToken;
  return (global[TOKEN] ??= randomBytes(16).toString("base64url"));
}

/** The header's value for an address: the token, a space, the address. */
export function peerAddressValue(address: string): string {
  return `${processToken()} ${address}`;
}

export function stampPeerAddress(request: IncomingMessage): void {
  delete request.headers[PEER_ADDRESS_HEADER];
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = peerAddressValue(address);
}

/** The address this process stamped on the request, or null for a missing, unstamped or client-made header. */
export function peerAddressFrom(headers: Headers): string | null {
  const token = (globalThis as WithToken)[TOKEN];
  const value = headers.get(PEER_ADDRESS_HEADER);
  const space = value?.indexOf(" ") ?? -1;
  if (!token || !value || space < 0) return null;
  const given = Buffer.from(value.slice(0, space));
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return value.slice(space + 1);
}

/**
 * Next 16 hands route handlers, actions and pages the request's headers but
 * not its socket, so the connection's address is lost unless it travels as
 * a header. Wrapping the servers' "request" event puts it there before Next
 * (or any client-sent header) can have a say. Runs once, from
 * instrumentation.ts, in the process that serves requests.
 */
export function installPeerAddressHeader(): void {
  processToken();
  for (const prototype of [http.Server.prototype, https.Server.prototype] as (typeof http.Server.prototype & { [INSTALLED]?: true })[]) {
    if (prototype[INSTALLED]) continue;
    const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function emitWithPeerAddress(this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") stampPeerAddress(args[0] as IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
    prototype[INSTALLED] = true;
  }
}
