import http, { type IncomingMessage } from "node:http";
import https from "node:https";

/** Set from the socket on every request; a copy sent by the client is dropped first. */
export const PEER_ADDRESS_HEADER = "x-shortlist-peer-address";

const INSTALLED = Symbol.for("shortlist.peer-address-header");

export function stampPeerAddress(request: IncomingMessage): void {
  delete request.headers[PEER_ADDRESS_HEADER];
  const address = request.socket?.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
}

/**
 * Next 16 hands route handlers, actions and pages the request's headers but
 * not its socket, so the connection's address is lost unless it travels as
 * a header. Wrapping the servers' "request" event puts it there before Next
 * (or any client-sent header) can have a say. Runs once, from
 * instrumentation.ts, in the process that serves requests.
 */
export function installPeerAddressHeader(): void {
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
