import type { NextConfig } from "next";

// The Content-Security-Policy is set per request in proxy.ts (it carries a
// nonce); these headers are the same for every response, static files too.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Next buffers request bodies for proxy.ts up to this size and silently cuts the rest
    // (10 MB by default): the largest import (a 50 MB Shortlist export) and its form framing must fit whole.
    proxyClientMaxBodySize: "51mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
