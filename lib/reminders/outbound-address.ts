import type { z } from "zod";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";

// A user types the ntfy and webhook addresses the server then POSTs to. Left
// open, that lets any account make the server call its own network: the
// database's admin port, a cloud's metadata service at 169.254.169.254, a
// router. So a reminder goes only to a public address unless the operator
// says the private network is theirs to post to (ntfy on the LAN).

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** What the operator set: `SHORTLIST_REMINDERS_PRIVATE_NETWORK=allow` lets reminders reach private addresses. */
export function privateNetworkAllowed(env: Partial<Record<string, string>> = process.env): boolean {
  return env.SHORTLIST_REMINDERS_PRIVATE_NETWORK === "allow";
}

/** True for an address of this machine, its networks, link-local, multicast or reserved space. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return PRIVATE.check(address, "ipv4");
  // BlockList checks an IPv4 address written as IPv6 (::ffff:10.0.0.1, ::ffff:a00:1) against the IPv4 rules.
  return family === 6 && PRIVATE.check(address, "ipv6");
}

/** A URL's host as an address, with IPv6 brackets taken off; null when it is a name. */
function literalAddress(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/**
 * For a form: whether an address the user typed names this server's own
 * networks outright (an IP literal in private space, or localhost). Names
 * that resolve there are caught when sending, by `publicOnlyLookup`.
 */
export function namesPrivateHost(url: URL): boolean {
  const host = url.hostname.toLowerCase();
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const address = literalAddress(host);
  return address !== null && isPrivateAddress(address);
}

export class PrivateAddressError extends Error {
  constructor(readonly address: string) {
    super(`the address resolves to ${address}, on a private network`);
    this.name = "PrivateAddressError";
  }
}

/**
 * A DNS lookup for node:http that refuses private answers. Checking the
 * address the socket connects to (not a lookup made beforehand) means a name
 * that answers public once and private the next time still cannot get in.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateAddressError(refused.address), "", 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const [first] = addresses;
    callback(null, first.address, first.family);
  });
};

/** Throws PrivateAddressError when a URL's host is a private IP literal (no lookup happens for those). */
export function refusePrivateLiteral(url: URL): void {
  const address = literalAddress(url.hostname);
  if (address && isPrivateAddress(address)) throw new PrivateAddressError(address);
}

export const PRIVATE_URL_MESSAGE =
  "This server does not post to addresses on its own networks (localhost, 10.x, 192.168.x and the like). Use a public address, or ask whoever runs it to allow private ones.";

/**
 * A channel form's schema, refusing a URL that names a private host outright
 * unless the operator allows those. Server-side: the answer depends on the
 * server's settings, not on anything the browser knows.
 */
export function refusingPrivateUrl<S extends z.ZodType<{ url: string }>>(schema: S, env: Partial<Record<string, string>> = process.env): S {
  if (privateNetworkAllowed(env)) return schema;
  return schema.superRefine((value, context) => {
    if (namesPrivateHost(new URL(value.url))) context.addIssue({ code: "custom", path: ["url"], message: PRIVATE_URL_MESSAGE });
  }) as unknown as S;
}
