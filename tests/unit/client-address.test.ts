import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { clientAddressFrom, trustedProxyHops } from "@/lib/auth/client-address";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER, peerAddressFrom, peerAddressValue } from "@/lib/http/peer-address";
import { configuredForHttps, reachedOverHttps } from "@/lib/http/transport-security";

const headers = (entries: Record<string, string>) => new Headers(entries);
/** The private header as this process stamps it for a connection from `address`. */
const peer = (address: string) => ({ [PEER_ADDRESS_HEADER]: peerAddressValue(address) });

describe("SHORTLIST_TRUST_PROXY", () => {
  it("is off unless set, and reads true/false or a number of proxies", () => {
    expect(trustedProxyHops({})).toBe(0);
    for (const off of ["", "0", "false", "no", "off", "maybe"]) expect(trustedProxyHops({ SHORTLIST_TRUST_PROXY: off }), off).toBe(0);
    for (const one of ["1", "true", "TRUE", "yes", "on"]) expect(trustedProxyHops({ SHORTLIST_TRUST_PROXY: one }), one).toBe(1);
    expect(trustedProxyHops({ SHORTLIST_TRUST_PROXY: "2" })).toBe(2);
  });
});

describe("clientAddressFrom", () => {
  it("with trust off, ignores a forged X-Forwarded-For and X-Real-IP and uses the connection's address", () => {
    const forged = headers({ "x-forwarded-for": "1.2.3.4, 5.6.7.8", "x-real-ip": "9.9.9.9", ...peer("192.0.2.10") });
    expect(clientAddressFrom(forged, 0)).toBe("192.0.2.10");
  });

  it("with trust off and no connection address known, gives none rather than a header's word", () => {
    expect(clientAddressFrom(headers({ "x-forwarded-for": "1.2.3.4" }), 0)).toBeNull();
  });

  it("refuses a private header this process did not stamp, as a client sends it before the stamping starts", () => {
    const stamped = peerAddressValue("192.0.2.10");
    const [token] = stamped.split(" ");
    for (const forged of ["6.6.6.6", "x 6.6.6.6", `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"} 6.6.6.6`, token]) {
      expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: forged }), 0), forged).toBeNull();
    }
    expect(clientAddressFrom(headers({ [PEER_ADDRESS_HEADER]: stamped }), 0)).toBe("192.0.2.10");
  });

  it("behind one trusted proxy, takes the entry that proxy appended, not the client's own", () => {
    const viaProxy = headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.5", ...peer("10.0.0.2") });
    expect(clientAddressFrom(viaProxy, 1)).toBe("203.0.113.5");
    expect(clientAddressFrom(viaProxy, 2)).toBe("6.6.6.6");
    // A request that reached the app without passing the proxy has no entry: the connection counts.
    expect(clientAddressFrom(headers(peer("10.0.0.2")), 1)).toBe("10.0.0.2");
  });

  it("reads an IPv4 address mapped into IPv6 as the IPv4 address", () => {
    expect(clientAddressFrom(headers(peer("::ffff:127.0.0.1")), 0)).toBe("127.0.0.1");
    expect(clientAddressFrom(headers(peer("::1")), 0)).toBe("::1");
  });
});

describe("installPeerAddressHeader", () => {
  let server: http.Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it("stamps the socket's address on each request, replacing any copy the client sent", async () => {
    installPeerAddressHeader();
    installPeerAddressHeader(); // twice is harmless: one wrapper
    const seen: (string | null)[] = [];
    server = http.createServer((req, res) => {
      seen.push(peerAddressFrom(new Headers(req.headers as Record<string, string>)));
      res.end();
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: peerAddressValue("6.6.6.6"), "x-forwarded-for": "6.6.6.6" } });
    await fetch(`http://127.0.0.1:${port}/`);
    expect(seen).toEqual(["127.0.0.1", "127.0.0.1"]);
  });
});

describe("HTTPS detection (HSTS, Secure cookies)", () => {
  it("is on when SHORTLIST_URL is https, or the request came in over https", () => {
    expect(configuredForHttps({ SHORTLIST_URL: "https://jobs.example.com" })).toBe(true);
    expect(configuredForHttps({ SHORTLIST_URL: "http://localhost:3000" })).toBe(false);
    expect(configuredForHttps({})).toBe(false);
    expect(reachedOverHttps(headers({ "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(reachedOverHttps(headers({ "x-forwarded-proto": "http" }), {})).toBe(false);
    expect(reachedOverHttps(headers({ "x-forwarded-proto": "http" }), { SHORTLIST_URL: "https://jobs.example.com" })).toBe(true);
  });
});
