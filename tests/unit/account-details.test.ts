import { describe, expect, it } from "vitest";
import { z } from "zod";
import { updateAccountDetails } from "@/lib/data/account-details";
import { findCredentials, getSessionUser } from "@/lib/data/users";
import { firstName } from "@/lib/people/names";
import { accountDetailsSchema } from "@/lib/validation/account-details";
import { twoUsers } from "./support/rounds";

describe("name and email in Settings", () => {
  it("renames the account and moves its email, and the new email signs in", async () => {
    const { db, ana } = await twoUsers();
    expect(await updateAccountDetails(db, { userId: ana.id, name: "Ana Lima", email: "ana.lima@example.com" })).toBe("saved");
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ name: "Ana Lima", email: "ana.lima@example.com" });
    expect((await findCredentials(db, { email: "ana.lima@example.com" }))?.id).toBe(ana.id);
    expect(await findCredentials(db, { email: "ana@example.com" })).toBeUndefined();
  });

  it("refuses another account's email and changes nothing, not even the name", async () => {
    const { db, ana, ben } = await twoUsers();
    expect(await updateAccountDetails(db, { userId: ben.id, name: "Ben Taken", email: "ana@example.com" })).toBe("email-taken");
    expect(await getSessionUser(db, { userId: ben.id })).toMatchObject({ name: ben.name, email: "ben@example.com" });
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ name: ana.name, email: "ana@example.com" });
  });

  it("a second user's change touches only their own row", async () => {
    const { db, ana, ben } = await twoUsers();
    await updateAccountDetails(db, { userId: ben.id, name: "Benedict", email: "benedict@example.com" });
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ name: ana.name, email: "ana@example.com" });
  });

  it("keeping one's own email is no clash", async () => {
    const { db, ana } = await twoUsers();
    expect(await updateAccountDetails(db, { userId: ana.id, name: "Ana", email: "ana@example.com" })).toBe("saved");
  });

  it("the form reads an email in any case as lower case, and names each bad field", () => {
    expect(accountDetailsSchema.parse({ name: " Dana Reyes ", email: " Dana@Example.COM " })).toEqual({ name: "Dana Reyes", email: "dana@example.com" });
    const result = accountDetailsSchema.safeParse({ name: "", email: "not an email" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(z.flattenError(result.error).fieldErrors).toEqual({
        name: ["Name is required."],
        email: ["Enter a valid email address, like you@example.com."],
      });
    }
  });
});

describe("the greeting's first name", () => {
  it.each([
    ["Dana Reyes", "Dana"],
    ["  Dana   Maria Reyes ", "Dana"],
    ["Dana", "Dana"],
    ["دانة رياض", "دانة"],
  ])("%j → %j", (name, first) => {
    expect(firstName(name)).toBe(first);
  });
});
