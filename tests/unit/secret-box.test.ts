import { afterEach, describe, expect, it, vi } from "vitest";
import { seal, unseal } from "@/lib/auth/secret-box";

afterEach(() => vi.unstubAllEnvs());

describe("seal and unseal", () => {
  it("round-trips, and hides the plaintext", () => {
    const sealed = seal("totp-secret", "JBSWY3DPEHPK3PXP", "user-1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(unseal("totp-secret", sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    // Random IVs: the same secret seals differently each time.
    expect(seal("totp-secret", "JBSWY3DPEHPK3PXP", "user-1")).not.toBe(sealed);
  });

  it("refuses another context, another purpose, a changed byte, junk, or another auth secret", () => {
    const sealed = seal("totp-secret", "JBSWY3DPEHPK3PXP", "user-1");
    expect(unseal("totp-secret", sealed, "user-2")).toBeNull();
    expect(unseal("sign-in-challenge", sealed, "user-1")).toBeNull();
    const [v, iv, body] = sealed.split(".");
    const flipped = body.slice(0, 5) + (body[5] === "A" ? "B" : "A") + body.slice(6);
    expect(unseal("totp-secret", [v, iv, flipped].join("."), "user-1")).toBeNull();
    for (const junk of ["", "v1", "v1..", "v2.a.b", `${sealed}.x`]) expect(unseal("totp-secret", junk, "user-1")).toBeNull();
    vi.stubEnv("AUTH_SECRET", "a different server's secret");
    expect(unseal("totp-secret", sealed, "user-1")).toBeNull();
  });
});
