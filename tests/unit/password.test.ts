import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";

describe("password hashing", () => {
  it("stores a versioned scrypt string with OWASP parameters and a 16-byte salt", async () => {
    const stored = await hashPassword("a fine passphrase");
    const [scheme, N, r, p, salt, hash] = stored.split("$");
    expect([scheme, N, r, p]).toEqual(["scrypt", "131072", "8", "1"]);
    expect(Buffer.from(salt, "base64url")).toHaveLength(16);
    expect(Buffer.from(hash, "base64url")).toHaveLength(32);
  });

  it("salts every hash differently", async () => {
    const [a, b] = await Promise.all([hashPassword("same password"), hashPassword("same password")]);
    expect(a).not.toEqual(b);
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("right password");
    expect(await verifyPassword("right password", stored)).toBe(true);
    expect(await verifyPassword("right passwore", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("works for 64- and 128-character passphrases", async () => {
    for (const length of [64, 128]) {
      const passphrase = "correct horse battery staple ".repeat(5).slice(0, length);
      expect(passphrase).toHaveLength(length);
      const stored = await hashPassword(passphrase);
      expect(await verifyPassword(passphrase, stored)).toBe(true);
      expect(await verifyPassword(passphrase.slice(0, -1), stored)).toBe(false);
    }
  });

  it("treats a tampered or malformed hash string as a mismatch, without throwing", async () => {
    const stored = await hashPassword("right password");
    const parts = stored.split("$");
    const flip = (s: string) => (s[0] === "A" ? "B" : "A") + s.slice(1);
    const tampered = [
      [...parts.slice(0, 5), flip(parts[5])].join("$"), // hash changed
      [...parts.slice(0, 4), flip(parts[4]), parts[5]].join("$"), // salt changed
      ["scrypt", "65536", ...parts.slice(2)].join("$"), // cost lowered
      ["bcrypt", ...parts.slice(1)].join("$"),
      parts.slice(0, 5).join("$"),
      "scrypt$abc$8$1$salt$hash",
      "scrypt$1048577$8$1$" + parts[4] + "$" + parts[5],
      "",
    ];
    for (const bad of tampered) {
      expect(await verifyPassword("right password", bad), bad).toBe(false);
    }
  });
});
