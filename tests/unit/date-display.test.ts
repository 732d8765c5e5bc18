import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createOrRegenerateCalendarFeed, findFeedOwner } from "@/lib/data/calendar-feed";
import { guidanceOverview } from "@/lib/data/guidance";
import { getSessionUser, recordSeenLocale, setDateDisplay } from "@/lib/data/users";
import { write } from "@/db/write";
import { users } from "@/db/schema";
import { formatsFor } from "@/lib/time/formats";
import { matchZones, zoneChoice } from "@/lib/time/zone-names";
import { canonicalTimeZone, knownTimeZones } from "@/lib/time/zoned";
import { applicationSchemaFor } from "@/lib/validation/application";
import { dateDisplaySchema } from "@/lib/validation/date-display";
import { timeZoneField, wallDateTime } from "@/lib/validation/fields";
import { eq } from "drizzle-orm";
import { makeUser, testDb } from "./support/db";
import { NOW, thankYouOwed } from "./support/guidance-data";

const errorsOf = (result: { success: boolean; error?: z.ZodError }) =>
  result.success ? {} : (z.flattenError(result.error!).fieldErrors as Record<string, string[]>);

describe("zone names", () => {
  it("offers and stores IANA's current names where Node's ICU spells them the old way", () => {
    expect(canonicalTimeZone("Asia/Calcutta")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("asia/kolkata")).toBe("Asia/Kolkata");
    expect(canonicalTimeZone("Europe/Kiev")).toBe("Europe/Kyiv");
    expect(canonicalTimeZone("Asia/Saigon")).toBe("Asia/Ho_Chi_Minh");
    expect(canonicalTimeZone("America/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(timeZoneField.parse("Europe/Kiev")).toBe("Europe/Kyiv");
    const zones = knownTimeZones("UTC");
    expect(zones).toEqual(expect.arrayContaining(["Asia/Kolkata", "Europe/Kyiv", "Asia/Ho_Chi_Minh", "America/Nuuk"]));
    expect(zones).not.toEqual(expect.arrayContaining(["Asia/Calcutta"]));
    expect(zones.filter((z) => z === "Europe/Kyiv")).toHaveLength(1);
  });

  it("lists each zone with its offset now, which moves with daylight saving", () => {
    expect(zoneChoice("Asia/Kolkata", NOW).label).toBe("Asia/Kolkata — UTC+05:30");
    expect(zoneChoice("America/New_York", new Date("2026-01-15T12:00:00Z")).label).toBe("America/New York — UTC−05:00");
    expect(zoneChoice("America/New_York", new Date("2026-07-15T12:00:00Z")).label).toBe("America/New York — UTC−04:00");
    expect(zoneChoice("UTC", NOW).label).toBe("UTC — UTC+00:00");
  });

  it("finds zones by city, by any case and spacing, by an old name, and by offset", () => {
    const choices = knownTimeZones("UTC").map((z) => zoneChoice(z, NOW));
    const zones = (q: string) => matchZones(choices, q).map((c) => c.zone);
    expect(zones("Kolkata")).toEqual(["Asia/Kolkata"]);
    expect(zones("kyiv")).toEqual(["Europe/Kyiv"]);
    expect(zones("calcutta")).toEqual(["Asia/Kolkata"]);
    expect(zones("new york")).toEqual(["America/New_York"]);
    expect(zones("  NEW_YORK ")).toEqual(["America/New_York"]);
    expect(zones("GMT+5:30")).toEqual(expect.arrayContaining(["Asia/Kolkata", "Asia/Colombo"]));
    expect(zones("UTC+05:30")).toEqual(zones("GMT+5:30"));
    expect(zones("+0545")).toEqual(["Asia/Kathmandu"]);
    expect(zones("utc-5").length).toBeGreaterThan(0);
    expect(zones("utc-5").every((z) => zoneChoice(z, NOW).offset === -300)).toBe(true);
    expect(zones("atlantis")).toEqual([]);
    expect(zones("")).toHaveLength(choices.length);
  });
});

describe("date settings and examples", () => {
  it("accepts a supported locale and a clock, 'auto' for either, and refuses anything else next to its field", () => {
    expect(dateDisplaySchema.parse({ locale: "en-us", hourCycle: "h23" })).toEqual({ locale: "en-US", hourCycle: "h23" });
    expect(dateDisplaySchema.parse({ locale: "auto", hourCycle: "auto" })).toEqual({ locale: null, hourCycle: null });
    expect(errorsOf(dateDisplaySchema.safeParse({ locale: "<script>", hourCycle: "h25" }))).toEqual({
      locale: ["Choose a language and region from the list."],
      hourCycle: ["Choose a clock from the list."],
    });
  });

  it("writes the example of a date error the way the user's date input shows dates", () => {
    const example = (locale: string) =>
      errorsOf(applicationSchemaFor(formatsFor({ locale, hourCycle: null, zone: "UTC" })).safeParse({ company: "A", roleTitle: "B", status: "saved", appliedOn: "soon" })).appliedOn;
    expect(example("en-US")).toEqual(["Applied date must be a date like 03/14/2026."]);
    expect(example("en-GB")).toEqual(["Applied date must be a date like 14/03/2026."]);
    const start = (locale: string, hourCycle: "h12" | "h23" | null = null) =>
      wallDateTime("Start", "UTC", formatsFor({ locale, hourCycle, zone: "UTC" })).safeParse("whenever").error?.issues[0].message;
    expect(start("en-US")).toBe("Start must be a date and time, like 03/14/2026, 09:30 AM.");
    expect(start("en-US", "h23")).toBe("Start must be a date and time, like 03/14/2026, 09:30.");
    expect(start("en-GB")).toBe("Start must be a date and time, like 14/03/2026, 09:30.");
  });

  it("reads a date typed the user's way, and still the ISO form the native inputs send", () => {
    const schema = applicationSchemaFor(formatsFor({ locale: "en-US", hourCycle: null, zone: "UTC" }));
    expect(schema.parse({ company: "A", roleTitle: "B", status: "saved", appliedOn: "03/14/2026" }).appliedOn).toBe("2026-03-14");
    expect(schema.parse({ company: "A", roleTitle: "B", status: "saved", appliedOn: "2026-03-14" }).appliedOn).toBe("2026-03-14");
    expect(errorsOf(schema.safeParse({ company: "A", roleTitle: "B", status: "saved", appliedOn: "02/30/2026" })).appliedOn).toEqual([
      "Applied date is not a real date.",
    ]);
    const gbStart = wallDateTime("Start", "Europe/London", formatsFor({ locale: "en-GB", hourCycle: null, zone: "Europe/London" }));
    expect(gbStart.parse("14/07/2026, 09:30")).toEqual(new Date("2026-07-14T08:30:00Z"));
  });
});

describe("a user's date choices", () => {
  it("are saved on that user only: another user's call changes nothing of theirs", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    await setDateDisplay(db, { userId: ana.id, locale: "en-US", hourCycle: "h23" });
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ locale: "en-US", hourCycle: "h23" });
    expect(await getSessionUser(db, { userId: ben.id })).toMatchObject({ locale: null, hourCycle: null });
    await setDateDisplay(db, { userId: ben.id, locale: "de-DE", hourCycle: null });
    expect(await getSessionUser(db, { userId: ana.id })).toMatchObject({ locale: "en-US", hourCycle: "h23" });
  });

  it("record the browser's locale only when it changed, for that user only", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    const ben = await makeUser(db, "ben@example.com");
    expect(await recordSeenLocale(db, { userId: ana.id, locale: "fr-FR" })).toBe(true);
    expect(await recordSeenLocale(db, { userId: ana.id, locale: "fr-FR" })).toBe(false);
    expect((await getSessionUser(db, { userId: ana.id }))?.seenLocale).toBe("fr-FR");
    expect((await getSessionUser(db, { userId: ben.id }))?.seenLocale).toBeNull();
  });

  it("shows a zone stored under its old spelling by its current name", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    await write(db, { userId: ana.id }, async (tx) => {
      await tx.update(users).set({ timeZone: "Asia/Calcutta" }).where(eq(users.id, ana.id));
    });
    expect((await getSessionUser(db, { userId: ana.id }))?.timeZone).toBe("Asia/Kolkata");
  });

  it("write the feed's texts in the saved choice, else the locale last seen, else en-US", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    const { token } = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    expect((await findFeedOwner(db, { token }))?.dates).toEqual({ locale: "en-US", hourCycle: null });
    await recordSeenLocale(db, { userId: ana.id, locale: "en-GB" });
    expect((await findFeedOwner(db, { token }))?.dates).toEqual({ locale: "en-GB", hourCycle: null });
    await setDateDisplay(db, { userId: ana.id, locale: "de-DE", hourCycle: "h12" });
    expect((await findFeedOwner(db, { token }))?.dates).toEqual({ locale: "de-DE", hourCycle: "h12" });
  });

  it("reach the engine's reasons, and a cached queue is never served to a reader of another locale", async () => {
    const db = testDb();
    const ana = await makeUser(db, "ana@example.com");
    await thankYouOwed(db, ana.id);
    const reasons = async (dates?: { locale: string; hourCycle: "h12" | "h23" | null }) =>
      (await guidanceOverview(db, { user: { id: ana.id, timeZone: "UTC", dates }, now: NOW })).queue.map((s) => s.title).join("\n");
    const british = await reasons({ locale: "en-GB", hourCycle: null });
    const american = await reasons({ locale: "en-US", hourCycle: null });
    expect(british).toMatch(/second interview on Tue 24 Nov/);
    expect(american).toMatch(/second interview on Tue, Nov 24/);
    expect(await reasons({ locale: "en-GB", hourCycle: null })).toBe(british);
  });
});
