import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { setArchived, updateApplication } from "@/lib/data/applications";
import {
  calendarRound,
  createOrRegenerateCalendarFeed,
  feedContents,
  findFeedOwner,
  getCalendarFeed,
  turnOffCalendarFeed,
} from "@/lib/data/calendar-feed";
import { changePasswordHash, revokeSessions } from "@/lib/data/users";
import { buildCalendar, roundFileName, roundUid, stepSummary, stepUid, type CalendarRound } from "@/lib/calendar/ics";
import { guidanceQueue } from "@/lib/data/guidance";
import { publicOrigin } from "@/lib/calendar/origin";
import { addRound, DAY, fromNow, HOUR, newApp, NOW, rejectedAfterRound, thankYouOwed } from "./support/guidance-data";
import { twoUsers } from "./support/rounds";
import { parseEvents } from "./support/ics";
import { atLocalHour, localDate } from "@/lib/time/zoned";
import { rawGet, rawRun } from "./support/raw-sql";

let db: Db;
let ana: { id: string; timeZone: string };
let ben: { id: string; timeZone: string };

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
});

describe("calendar feed tokens", () => {
  it("signing out everywhere or changing the password gives the feed a new secret, and only the user's", async () => {
    const anas = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    const bens = await createOrRegenerateCalendarFeed(db, { userId: ben.id, now: NOW });
    await revokeSessions(db, { userId: ana.id });
    const afterSignOut = (await getCalendarFeed(db, { userId: ana.id }))!.token;
    expect(afterSignOut).not.toBe(anas.token);
    expect(await findFeedOwner(db, { token: anas.token })).toBeNull();
    expect(await findFeedOwner(db, { token: afterSignOut })).toMatchObject({ id: ana.id });
    await changePasswordHash(db, { userId: ana.id, passwordHash: "new-hash" });
    expect(await findFeedOwner(db, { token: afterSignOut })).toBeNull();
    expect(await findFeedOwner(db, { token: (await getCalendarFeed(db, { userId: ana.id }))!.token })).toMatchObject({ id: ana.id });
    expect((await getCalendarFeed(db, { userId: ben.id }))!.token).toBe(bens.token);
  });

  it("a user without a feed gets none from signing out everywhere", async () => {
    await revokeSessions(db, { userId: ana.id });
    expect(await getCalendarFeed(db, { userId: ana.id })).toBeNull();
  });

  it("has no feed until one is made, then finds its owner by the token", async () => {
    expect(await getCalendarFeed(db, { userId: ana.id })).toBeNull();
    const feed = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    expect(feed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(feed.token, "base64url")).toHaveLength(32);
    expect(await getCalendarFeed(db, { userId: ana.id })).toEqual({ token: feed.token, createdAt: NOW });
    // No locale chosen or seen yet: the feed's texts are written en-US.
    expect(await findFeedOwner(db, { token: feed.token })).toEqual({ id: ana.id, timeZone: "UTC", dates: { locale: "en-US", hourCycle: null } });
    // Only the owner's id, zone and date style: nothing else of the account leaves the query.
    expect(Object.keys(await findFeedOwner(db, { token: feed.token }) ?? {}).sort()).toEqual(["dates", "id", "timeZone"]);
  });

  it("regenerating replaces the token in place, so the old URL dies at once", async () => {
    const first = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    const second = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: fromNow(HOUR) });
    expect(second.token).not.toBe(first.token);
    expect(await findFeedOwner(db, { token: first.token })).toBeNull();
    expect((await findFeedOwner(db, { token: second.token }))?.id).toBe(ana.id);
    expect((await getCalendarFeed(db, { userId: ana.id }))?.createdAt).toEqual(fromNow(HOUR));
    expect(await rawGet(db, sql`select cast(count(*) as integer) as n from calendar_feeds`)).toEqual({ n: 1 });
  });

  it("turning off removes the feed; a second turn-off changes nothing", async () => {
    const feed = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    expect(await turnOffCalendarFeed(db, { userId: ana.id })).toBe(true);
    expect(await findFeedOwner(db, { token: feed.token })).toBeNull();
    expect(await getCalendarFeed(db, { userId: ana.id })).toBeNull();
    expect(await turnOffCalendarFeed(db, { userId: ana.id })).toBe(false);
  });

  it("keeps each user's feed apart: one user's actions never touch another's token", async () => {
    const anaFeed = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    const benFeed = await createOrRegenerateCalendarFeed(db, { userId: ben.id, now: NOW });
    expect((await findFeedOwner(db, { token: benFeed.token }))?.id).toBe(ben.id);
    await createOrRegenerateCalendarFeed(db, { userId: ben.id, now: NOW });
    await turnOffCalendarFeed(db, { userId: ben.id });
    expect((await findFeedOwner(db, { token: anaFeed.token }))?.id).toBe(ana.id);
    expect((await getCalendarFeed(db, { userId: ana.id }))?.token).toBe(anaFeed.token);
  });

  it("refuses malformed tokens and goes when its user does", async () => {
    const feed = await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
    for (const bad of ["", "short", `${feed.token}x`, `${feed.token.slice(0, 42)}%`, "' or 1=1 --"]) {
      expect(await findFeedOwner(db, { token: bad })).toBeNull();
    }
    await rawRun(db, sql`delete from users where id = ${ana.id}`);
    expect(await findFeedOwner(db, { token: feed.token })).toBeNull();
  });
});

describe("feed contents", () => {
  it("holds the user's rounds from 30 days back onward on open applications, and each one's next step", async () => {
    const acme = await newApp(db, ana.id, { company: "Acme", roleTitle: "Engineer", status: "interviewing" });
    const upcoming = await addRound(db, ana.id, acme.id, { kind: "second", scheduledAt: fromNow(2 * DAY) });
    const recent = await addRound(db, ana.id, acme.id, { kind: "first", scheduledAt: fromNow(-29 * DAY) });
    await addRound(db, ana.id, acme.id, { kind: "screen", scheduledAt: fromNow(-31 * DAY) });
    const archived = await newApp(db, ana.id, { company: "Archived Co" });
    await addRound(db, ana.id, archived.id, { scheduledAt: fromNow(DAY) });
    await setArchived(db, { userId: ana.id, id: archived.id, archived: true });
    const closed = await newApp(db, ana.id, { company: "Closed Co", status: "withdrawn" });
    await addRound(db, ana.id, closed.id, { scheduledAt: fromNow(DAY) });
    const { app: owed, round2 } = await thankYouOwed(db, ana.id, { company: "Initech" });

    const { rounds, steps } = await feedContents(db, { user: ana, now: NOW });
    expect(rounds.map((r) => r.id)).toEqual(expect.arrayContaining([upcoming, recent, round2]));
    expect(rounds.every((r) => r.company === "Acme" || r.company === "Initech")).toBe(true);
    const thankYou = steps.find((s) => s.key === `send-thank-you:${round2}`);
    // Overdue since 06:00: the feed puts it on today at 09:00, not on its past time.
    expect(thankYou).toMatchObject({ applicationId: owed.id, company: "Initech", dueAt: atLocalHour(localDate(NOW, ana.timeZone), 9, ana.timeZone) });
    expect(fromNow(-6 * HOUR).getTime()).toBeLessThan(thankYou!.dueAt.getTime());
    expect(thankYou?.detail).toMatch(/^Thank them for their time/);
    expect(steps.every((s) => s.dueAt instanceof Date)).toBe(true);
  });

  it("leaves out every closed application, ghosted and rejected too, rounds and steps alike", async () => {
    const ghosted = await newApp(db, ana.id, { company: "Ghosted Co" });
    await addRound(db, ana.id, ghosted.id, { scheduledAt: fromNow(DAY) });
    await rawRun(db, sql`update applications set status = 'ghosted' where id = ${ghosted.id}`);
    // A rejection after an interview brings "ask for feedback" and "look back" to-dos: app steps, not appointments.
    const { app: rejected } = await rejectedAfterRound(db, ana.id);
    const queue = await guidanceQueue(db, { user: ana, now: NOW });
    expect(queue.some((s) => s.applicationId === rejected.id && s.ruleId === "reflect-and-update")).toBe(true);
    const { rounds, steps } = await feedContents(db, { user: ana, now: NOW });
    expect(rounds.filter((r) => r.applicationId === ghosted.id || r.applicationId === rejected.id)).toEqual([]);
    expect(steps.filter((s) => s.applicationId === ghosted.id || s.applicationId === rejected.id)).toEqual([]);
  });

  it("writes steps that start on the minute and carry no relative time that the calendar would freeze", async () => {
    for (const company of ["Seconds Co", "Seconds Ltd", "Seconds plc"]) {
      const app = await newApp(db, ana.id, { company, status: "interviewing" });
      // Logged with seconds, as an import or an API might: ended 30 hours and 17 seconds ago.
      await addRound(db, ana.id, app.id, { kind: "second", scheduledAt: new Date(fromNow(-31 * HOUR).getTime() - 17_000) });
      await addRound(db, ana.id, app.id, { kind: "final", scheduledAt: fromNow(2 * DAY) });
    }
    const { rounds, steps } = await feedContents(db, { user: ana, now: NOW });
    expect(steps.length).toBeGreaterThan(2);
    const text = buildCalendar({ rounds, steps, baseUrl: "https://shortlist.example", now: NOW });
    const events = parseEvents(text).filter((e) => e.UID.startsWith("step-"));
    expect(events).toHaveLength(steps.length);
    for (const e of events) {
      expect(e.DTSTART, e.SUMMARY).toMatch(/^\d{8}T\d{4}00Z$/);
      expect(e.DESCRIPTION, e.SUMMARY).not.toMatch(/\bago\b|\bin \d+ (minute|hour|day)s?\b|yesterday|tomorrow/i);
    }
  });

  it("never holds another user's rounds or steps", async () => {
    const anaApp = await newApp(db, ana.id, { company: "Ana's Co" });
    await addRound(db, ana.id, anaApp.id, { scheduledAt: fromNow(DAY) });
    await thankYouOwed(db, ana.id, { company: "Ana's Initech" });
    const { rounds, steps } = await feedContents(db, { user: ben, now: NOW });
    expect(rounds).toEqual([]);
    expect(steps).toEqual([]);
  });

  it("lists the people met in each round, in the round's order, from the owner's contacts only", async () => {
    const app = await newApp(db, ana.id, { company: "Fernhill" });
    const withPeople = await addRound(db, ana.id, app.id, {
      scheduledAt: fromNow(DAY),
      newInterviewers: [{ name: "Omar Haddad", title: "Staff engineer", email: "omar@fernhill.example" }, { name: "Lena Park" }],
    });
    const alone = await addRound(db, ana.id, app.id, { kind: "second", scheduledAt: fromNow(2 * DAY) });
    const benApp = await newApp(db, ben.id, { company: "Fernhill" });
    await addRound(db, ben.id, benApp.id, { scheduledAt: fromNow(DAY), newInterviewers: [{ name: "Ben's contact" }] });

    const { rounds } = await feedContents(db, { user: ana, now: NOW });
    expect(rounds.map((r) => [r.id, r.people])).toEqual([
      [withPeople, ["Omar Haddad (Staff engineer)", "Lena Park"]],
      [alone, []],
    ]);
    const single = await calendarRound(db, { userId: ana.id, applicationId: app.id, roundId: withPeople });
    expect(single?.people).toEqual(["Omar Haddad (Staff engineer)", "Lena Park"]);
    expect(JSON.stringify(rounds)).not.toContain("omar@fernhill.example");
  });

  it("finds one round only for its owner and under its own application", async () => {
    const app = await newApp(db, ana.id);
    const other = await newApp(db, ana.id, { company: "Other" });
    const round = await addRound(db, ana.id, app.id, { scheduledAt: fromNow(DAY) });
    expect((await calendarRound(db, { userId: ana.id, applicationId: app.id, roundId: round }))?.company).toBe("Acme");
    expect(await calendarRound(db, { userId: ben.id, applicationId: app.id, roundId: round })).toBeNull();
    expect(await calendarRound(db, { userId: ana.id, applicationId: other.id, roundId: round })).toBeNull();
    expect(await calendarRound(db, { userId: ana.id, applicationId: app.id, roundId: "no-such-round" })).toBeNull();
    // A closed application's round can still be downloaded on its own.
    await updateApplication(db, { userId: ana.id, id: app.id, input: { company: "Acme", roleTitle: "Engineer", status: "rejected" } });
    expect((await calendarRound(db, { userId: ana.id, applicationId: app.id, roundId: round }))?.id).toBe(round);
  });
});

const round = (over: Partial<CalendarRound> = {}): CalendarRound => ({
  id: "r1",
  applicationId: "a1",
  kind: "second",
  scheduledAt: new Date("2026-12-01T14:30:00Z"),
  durationMinutes: null,
  location: "https://meet.example.com/abc",
  prepNotes: "Read the annual report",
  company: "Acme",
  roleTitle: "Engineer",
  people: [],
  ...over,
});

describe("buildCalendar", () => {
  it("writes a round as a UTC event with its summary, default length, location, notes and link", () => {
    const text = buildCalendar({ rounds: [round()], steps: [], baseUrl: "https://shortlist.example", now: NOW });
    expect(text.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    const [event] = parseEvents(text);
    expect(event).toMatchObject({
      UID: roundUid("r1"),
      SUMMARY: "Second interview · Acme — Engineer",
      DTSTART: "20261201T143000Z",
      DTEND: "20261201T153000Z",
      DTSTAMP: "20261125T120000Z",
      LOCATION: "https://meet.example.com/abc",
      DESCRIPTION: "Prep notes:\\nRead the annual report\\n\\nOpen in Shortlist: https://shortlist.example/applications/a1",
    });
  });

  it("names who the user meets first in the text, never as attendees and never with their emails", () => {
    const text = buildCalendar({ rounds: [round({ people: ["Omar Haddad (Staff engineer)", "Lena Park"] })], steps: [], baseUrl: null, now: NOW });
    const [event] = parseEvents(text);
    expect(event.DESCRIPTION).toBe("Meeting: Omar Haddad (Staff engineer)\\, Lena Park\\n\\nPrep notes:\\nRead the annual report");
    expect(text).not.toContain("ATTENDEE");
  });

  it("uses the round's own length and leaves out the link when no base URL is known", () => {
    const text = buildCalendar({ rounds: [round({ durationMinutes: 45, prepNotes: null })], steps: [], baseUrl: null, now: NOW });
    const [event] = parseEvents(text);
    expect(event.DTEND).toBe("20261201T151500Z");
    expect(event.DESCRIPTION).toBeUndefined();
    expect(text).not.toContain("Open in Shortlist");
  });

  it("writes due steps as short reminders that keep the user free, with what to do", () => {
    const step = {
      key: "send-thank-you:r1",
      applicationId: "a1",
      title: "Send a thank-you",
      dueAt: new Date("2026-12-02T09:00:00Z"),
      detail: "Thank them for their time within 24 hours.",
      company: "Acme",
      roleTitle: "Engineer",
    };
    const [event] = parseEvents(buildCalendar({ rounds: [], steps: [step], baseUrl: null, now: NOW }));
    expect(event).toMatchObject({
      UID: stepUid("a1", "send-thank-you:r1"),
      SUMMARY: "Send a thank-you · Acme",
      DTSTART: "20261202T090000Z",
      DTEND: "20261202T091500Z",
      TRANSP: "TRANSPARENT",
    });
    expect(event.DESCRIPTION).toBe("Acme — Engineer\\n\\nThank them for their time within 24 hours.");
  });

  it("gives the same UIDs on every build, whatever the base URL or the time", () => {
    const step = { key: "k:1", applicationId: "a1", title: "T", dueAt: NOW, detail: "d", company: "C", roleTitle: "R" };
    const uids = (baseUrl: string | null, now: Date) =>
      parseEvents(buildCalendar({ rounds: [round(), round({ id: "r2" })], steps: [step], baseUrl, now })).map((e) => e.UID);
    expect(uids("https://a.example", NOW)).toEqual(uids(null, fromNow(DAY)));
    expect(new Set(uids(null, NOW)).size).toBe(3);
  });

  it("escapes commas, semicolons, backslashes and newlines in what the user typed", () => {
    const text = buildCalendar({
      rounds: [round({ company: "Acme, Inc; \\Ltd\\\nEurope", location: "1 Main St, Floor 3; Room 4", prepNotes: null })],
      steps: [],
      baseUrl: null,
      now: NOW,
    });
    const [event] = parseEvents(text);
    expect(event.SUMMARY).toBe("Second interview · Acme\\, Inc\\; \\\\Ltd\\\\\\nEurope — Engineer");
    expect(event.LOCATION).toBe("1 Main St\\, Floor 3\\; Room 4");
    // A newline typed by the user never starts a new property of its own.
    expect(text.split("\r\n").some((line) => line.startsWith("Europe"))).toBe(false);
  });
});

describe("stepSummary", () => {
  it("adds the company unless the title already names it", () => {
    expect(stepSummary({ title: "Send a thank-you", company: "Acme" })).toBe("Send a thank-you · Acme");
    expect(stepSummary({ title: "Research Acme before your second interview on Wed 2 Dec", company: "Acme" })).toBe(
      "Research Acme before your second interview on Wed 2 Dec",
    );
  });
});

describe("roundFileName", () => {
  it("makes a plain, safe file name from the company and the kind of round", () => {
    expect(roundFileName({ company: "Acme, Inc.", kind: "second" })).toBe("acme-inc-second-interview.ics");
    expect(roundFileName({ company: "Café \"Zoë\"/../x", kind: "first" })).toBe("cafe-zoe-x-first-interview.ics");
  });
});

describe("publicOrigin", () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it("uses the address the user reached the app at, behind a proxy too", () => {
    expect(publicOrigin(headers({ host: "shortlist.lan:3000" }), undefined)).toBe("http://shortlist.lan:3000");
    expect(publicOrigin(headers({ host: "127.0.0.1:3000", "x-forwarded-host": "jobs.example.com", "x-forwarded-proto": "https" }), undefined)).toBe(
      "https://jobs.example.com",
    );
    expect(publicOrigin(headers({ host: "[::1]:3000" }), undefined)).toBe("http://[::1]:3000");
    // Only the first of a chain of proxies counts.
    expect(publicOrigin(headers({ "x-forwarded-host": "a.example, b.example", "x-forwarded-proto": "https, http" }), undefined)).toBe("https://a.example");
  });

  it("prefers SHORTLIST_URL, without a trailing slash, and ignores it when it is not an http(s) URL", () => {
    expect(publicOrigin(headers({ host: "localhost:3000" }), "https://shortlist.example.org/")).toBe("https://shortlist.example.org");
    expect(publicOrigin(headers({ host: "localhost:3000" }), "https://example.org/shortlist/")).toBe("https://example.org/shortlist");
    expect(publicOrigin(headers({ host: "box:3000" }), "not a url")).toBe("http://box:3000");
    expect(publicOrigin(headers({ host: "box:3000" }), "javascript:alert(1)")).toBe("http://box:3000");
  });

  it("refuses a host header that is not a host, so no link is built from it", () => {
    for (const host of ["evil.example/path", "a b", "x@y", "", "<script>"]) {
      expect(publicOrigin(headers(host ? { host } : {}), undefined), host).toBeNull();
    }
  });
});
