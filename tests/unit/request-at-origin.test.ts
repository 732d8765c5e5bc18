import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { atPublicOrigin } from "@/lib/http/request-at-origin";

// Next hands route handlers its own hostname, whatever the browser asked for.
const request = (headers: Record<string, string>) => new NextRequest("http://localhost:3000/api/auth/callback/credentials?x=1", { method: "POST", headers });
const redirectingTo = (location: string) => {
  const seen: string[] = [];
  const handler = async (r: NextRequest) => {
    seen.push(r.url);
    return new Response(null, { status: 302, headers: { location, "set-cookie": "a=1" } });
  };
  return { handler, seen };
};

afterEach(() => vi.unstubAllEnvs());

describe("Auth.js behind atPublicOrigin", () => {
  it("sees the host the request came to, and redirects there, not to localhost", async () => {
    const { handler, seen } = redirectingTo("http://localhost:3000/sign-in?error=CredentialsSignin");
    const response = await atPublicOrigin(handler)(request({ host: "192.168.1.20:3000" }));
    expect(seen).toEqual(["http://192.168.1.20:3000/api/auth/callback/credentials?x=1"]);
    expect(response.headers.get("location")).toBe("http://192.168.1.20:3000/sign-in?error=CredentialsSignin");
    expect(response.headers.get("set-cookie")).toBe("a=1");
  });

  it("makes a relative redirect absolute at that host, and follows a TLS proxy's headers", async () => {
    const { handler } = redirectingTo("/sign-in?error=x");
    const response = await atPublicOrigin(handler)(request({ host: "127.0.0.1:3000", "x-forwarded-host": "jobs.example.com", "x-forwarded-proto": "https" }));
    expect(response.headers.get("location")).toBe("https://jobs.example.com/sign-in?error=x");
  });

  it("prefers SHORTLIST_URL, leaves redirects elsewhere alone, and a garbage Host changes nothing", async () => {
    vi.stubEnv("SHORTLIST_URL", "https://tracker.example.org");
    expect((await atPublicOrigin(redirectingTo("/")["handler"])(request({ host: "evil.example" }))).headers.get("location")).toBe("https://tracker.example.org/");
    vi.unstubAllEnvs();
    expect((await atPublicOrigin(redirectingTo("https://other.example/x").handler)(request({ host: "127.0.0.1:3000" }))).headers.get("location")).toBe("https://other.example/x");
    const { handler, seen } = redirectingTo("/sign-in");
    await atPublicOrigin(handler)(request({ host: "bad host<>" }));
    expect(seen).toEqual(["http://localhost:3000/api/auth/callback/credentials?x=1"]);
  });
});
