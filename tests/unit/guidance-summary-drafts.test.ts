import { describe, expect, it } from "vitest";
import { buildDraft, mailtoHref, type DraftFacts } from "@/lib/guidance/drafts";
import { compareRecommendations } from "@/lib/guidance/queue";
import { recommend } from "@/lib/guidance/recommend";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { RULE_SOURCES } from "@/lib/guidance/rule-ids";
import { standingSummary } from "@/lib/guidance/summary";
import type { SignalKey } from "@/lib/vocabulary";
import { ago, days, endedAgo, event, fromNow, guidanceInput, hours, NOW, round } from "./support/guidance";

const ticked = (...keys: SignalKey[]) => keys.map((signal) => ({ signal, onDate: null }));

describe("queue order (compareRecommendations)", () => {
  const rec = (over: Partial<Recommendation>): Recommendation => ({
    ruleId: "keep-searching",
    key: "keep-searching:r1",
    applicationId: "app-1",
    roundId: "r1",
    title: "t",
    detail: "d",
    priority: "medium",
    kind: "advice",
    dueAt: null,
    overdue: false,
    since: ago(days(1)),
    reasons: ["r"],
    source: RULE_SOURCES["keep-searching"],
    draft: null,
    ...over,
  });
  const order = (...recs: Recommendation[]) => [...recs].sort(compareRecommendations).map((r) => r.key);

  it("puts overdue steps first, even before ones due sooner", () => {
    const late = rec({ key: "late", overdue: true, dueAt: ago(hours(1)), priority: "low" });
    const soon = rec({ key: "soon", dueAt: fromNow(hours(1)), priority: "high" });
    expect(order(soon, late)).toEqual(["late", "soon"]);
  });

  it("then orders by due time, undated last", () => {
    const a = rec({ key: "a", dueAt: fromNow(days(2)) });
    const b = rec({ key: "b", dueAt: fromNow(hours(3)) });
    const none = rec({ key: "none", priority: "high" });
    expect(order(none, a, b)).toEqual(["b", "a", "none"]);
    const old = rec({ key: "old", overdue: true, dueAt: ago(days(3)) });
    const newer = rec({ key: "newer", overdue: true, dueAt: ago(hours(2)) });
    expect(order(newer, old)).toEqual(["old", "newer"]);
  });

  it("then by priority, then application and key for a stable order", () => {
    const due = fromNow(days(1));
    expect(order(rec({ key: "low", priority: "low", dueAt: due }), rec({ key: "high", priority: "high", dueAt: due }), rec({ key: "mid", dueAt: due }))).toEqual([
      "high",
      "mid",
      "low",
    ]);
    expect(order(rec({ key: "z", applicationId: "app-2" }), rec({ key: "y", applicationId: "app-1" }), rec({ key: "x", applicationId: "app-2" }))).toEqual(["y", "x", "z"]);
  });

  it("is what recommend() returns, and merges applications into one queue", () => {
    const acme = guidanceInput({
      rounds: [round({ id: "r1", ...endedAgo(hours(30)) }), round({ id: "r2", kind: "second", scheduledAt: fromNow(days(5)) })],
    });
    const keys = recommend(acme, NOW).map((r) => r.key);
    expect(keys.slice(0, 5)).toEqual([
      "send-thank-you:r1",
      "prepare-examples:r2",
      "prepare-research-company:r2",
      "prepare-questions-to-ask:r2",
      "prepare-mock-interview:r2",
    ]);
    const globex = guidanceInput({ application: { id: "app-2", company: "Globex" }, rounds: [round({ id: "g1", ...endedAgo(hours(40)) })] });
    const merged = [...recommend(acme, NOW), ...recommend(globex, NOW)].sort(compareRecommendations);
    expect(merged.slice(0, 2).map((r) => `${r.applicationId} ${r.key}`)).toEqual(["app-2 send-thank-you:g1", "app-1 send-thank-you:r1"]);
  });
});

describe("standingSummary", () => {
  const r1 = round({ id: "r1", ...endedAgo(days(12)) });
  const after = (...keys: SignalKey[]) => guidanceInput({ rounds: [r1, round({ id: "r2", ...endedAgo(days(2)), signals: ticked(...keys) })] });

  it("says closer, not guaranteed, and counts the positive signs of the latest later round", () => {
    const summary = standingSummary(after("hiring_timeline", "met_team", "technical_questions"), NOW);
    expect(summary).toEqual({
      headline: "Closer, not guaranteed",
      roundId: "r2",
      roundNumber: 2,
      roundLabel: "first interview on Sun 29 Nov",
      seen: ["met_team", "hiring_timeline"],
      missing: ["long_term_discussion", "constructive_feedback"],
      count: 2,
      total: 4,
      text: "In your first interview on Sun 29 Nov you logged 2 of the 4 positive signs: met the team or senior people and gave a hiring timeline. Good signs, not a promise: only an offer is an offer.",
    });
  });

  it("still gives the same headline with no signs, and never says more", () => {
    const summary = standingSummary(after(), NOW);
    expect(summary?.headline).toBe("Closer, not guaranteed");
    expect(summary?.count).toBe(0);
    expect(summary?.text).toBe("You logged none of the 4 positive signs in your first interview on Sun 29 Nov. That is common and decides nothing either way.");
    const all = standingSummary(after("long_term_discussion", "met_team", "constructive_feedback", "hiring_timeline"), NOW);
    expect(all).toMatchObject({ headline: "Closer, not guaranteed", count: 4, missing: [] });
    expect(all?.text).not.toMatch(/got the job|you will get|guaranteed/i);
  });

  it("is null once an offer exists", () => {
    const input = after("met_team");
    expect(standingSummary({ ...input, events: [event("offer_received", ago(hours(1)))] }, NOW)).toBeNull();
    expect(standingSummary({ ...input, application: { ...input.application, status: "offer" } }, NOW)).toBeNull();
  });

  it("is null before any later round has started", () => {
    expect(standingSummary(guidanceInput({ rounds: [r1] }), NOW)).toBeNull();
    expect(standingSummary(guidanceInput({ rounds: [r1, round({ id: "r2", scheduledAt: fromNow(days(1)) })] }), NOW)).toBeNull();
  });
});

describe("buildDraft", () => {
  const facts = (kind: DraftFacts["kind"], over: Partial<DraftFacts["round"]> = {}): DraftFacts => ({
    kind,
    senderName: "Jordan Lee",
    application: { company: "Acme", roleTitle: "Product Designer" },
    round: {
      kind: "second",
      dateText: "Tuesday 1 December",
      signals: ticked("hiring_timeline", "technical_questions", "met_team", "company_fit"),
      interviewers: [
        { name: "Dana Reyes", email: "dana@acme.test" },
        { name: "  Sam  Ortiz ", email: null },
      ],
      ...over,
    },
  });

  it("writes a thank-you with the company, role, first names, date and the first two covered topics", () => {
    const draft = buildDraft(facts("thank-you"));
    expect(draft.to).toEqual(["dana@acme.test"]);
    expect(draft.subject).toBe("Thank you: Product Designer second interview");
    expect(draft.body.split("\n\n")).toEqual([
      "Hi Dana and Sam,",
      "Thank you for your time on Tuesday 1 December to talk about the Product Designer role at Acme.",
      "I especially enjoyed talking about the technical side of the work and meeting the team, and came away even keener on the role.",
      "If anything else would help, I would be glad to send it.",
      "Best wishes,\nJordan Lee",
    ]);
  });

  it("leaves a visible placeholder for one thing discussed when nothing topical was ticked and there are no notes", () => {
    const body = buildDraft(facts("thank-you", { signals: ticked("hiring_timeline", "salary_raised") })).body;
    expect(body).toContain("I especially enjoyed talking about [one thing you discussed], and came away even keener on the role.");
    expect(buildDraft(facts("thank-you", { signals: [], notes: "  " })).body).toContain("[one thing you discussed]");
  });

  it("draws on the round's notes where there are any, before the ticked topics", () => {
    const withNotes = (notes: string) => buildDraft(facts("thank-you", { notes })).body.split("\n\n")[2];
    expect(withNotes("Talked about their move to Rust. Met Priya.")).toBe("I especially enjoyed talking about their move to Rust, and came away even keener on the role.");
    expect(withNotes("The roadmap for next year\nSalary range ok")).toBe("I especially enjoyed talking about the roadmap for next year, and came away even keener on the role.");
    // A name or an acronym keeps its capital.
    expect(withNotes("API versioning and how they deprecate")).toBe("I especially enjoyed talking about API versioning and how they deprecate, and came away even keener on the role.");
  });

  it("writes a follow-up naming the company, role, people, meeting and its date", () => {
    const draft = buildDraft(facts("follow-up"));
    expect(draft.subject).toBe("Following up: Product Designer at Acme");
    expect(draft.body).toMatch(/^Hi Dana and Sam,\n\n/);
    expect(draft.body).toContain("about the Product Designer role, following our second interview on Tuesday 1 December.");
    expect(draft.body).toMatch(/Best wishes,\nJordan Lee$/);
  });

  it("writes a feedback request naming the company, role and people", () => {
    const draft = buildDraft(facts("feedback-request"));
    expect(draft.subject).toBe("Thank you, and a quick request: Product Designer");
    expect(draft.body).toMatch(/^Hi Dana and Sam,\n\n/);
    expect(draft.body.split("\n\n")).toEqual([
      "Hi Dana and Sam,",
      "Thank you for letting me know, and for the time you and the team gave me during the process for the Product Designer role.",
      "If you have a few minutes, I would be grateful for any feedback on my interviews: what stood out, and what would have made me a stronger candidate.",
      "I enjoyed getting to know Acme and would be glad to hear about future openings.",
      "Best wishes,\nJordan Lee",
    ]);
    expect(draft.to).toEqual(["dana@acme.test"]);
  });

  it("greets at most two people, by first name, never by an initial alone", () => {
    const people = (...names: string[]) => names.map((name) => ({ name, email: null }));
    const hello = (names: string[]) => buildDraft(facts("follow-up", { interviewers: people(...names) })).body.split("\n\n")[0];
    expect(hello([])).toBe("Hello,");
    expect(hello(["Dana Reyes"])).toBe("Hi Dana,");
    expect(hello(["Ann A", "Bo B"])).toBe("Hi Ann and Bo,");
    expect(hello(["Ann A", "Bo B", "Cy C"])).toBe("Hi all,");
    expect(hello(["J. Smith"])).toBe("Hi J. Smith,");
    expect(hello(["J.", "K"])).toBe("Hello,");
    expect(hello(["Dana Reyes", "Dana Reyes"])).toBe("Hi Dana,");
  });

  it("names the date the company gave in a follow-up", () => {
    const body = buildDraft({ ...facts("follow-up"), statedDateText: "Wednesday 2 December" }).body;
    expect(body).toContain("You mentioned hoping to decide by Wednesday 2 December.");
    const early = buildDraft({ ...facts("application-follow-up"), round: null, appliedOnText: "Monday 23 November", statedDateText: "Friday 27 November" }).body;
    expect(early).toContain("I applied for the Product Designer role at Acme on Monday 23 November, and you mentioned you would be in touch by Friday 27 November.");
  });
});

describe("mailtoHref", () => {
  it("keeps a literal @ in addresses, encodes everything else, and sends the body with CRLF line breaks", () => {
    const draft = { to: ["dana@acme.test", "sam+jobs@acme.test"], subject: "Q&A: 50% done?", body: "Hi Dana,\n\nA = B & C + D #1" };
    const href = mailtoHref(draft);
    expect(href).toBe(
      "mailto:dana@acme.test,sam%2Bjobs@acme.test?subject=Q%26A%3A%2050%25%20done%3F&body=Hi%20Dana%2C%0D%0A%0D%0AA%20%3D%20B%20%26%20C%20%2B%20D%20%231",
    );
    const url = new URL(href);
    expect(url.searchParams.get("subject")).toBe(draft.subject);
    expect(url.searchParams.get("body")).toBe(draft.body.replaceAll("\n", "\r\n"));
    expect(decodeURIComponent(url.pathname).split(",")).toEqual(draft.to);
  });

  it("works for a built draft with no addresses", () => {
    const draft = buildDraft({
      kind: "thank-you",
      senderName: "Jordan",
      application: { company: "Acme & Co", roleTitle: "Designer" },
      round: { kind: "first", dateText: "Monday 30 November", signals: [], interviewers: [] },
    });
    const href = mailtoHref(draft);
    expect(href.startsWith("mailto:?subject=Thank%20you%3A%20Designer%20first%20interview&body=Hello%2C%0D%0A%0D%0AThank%20you")).toBe(true);
    expect(new URL(href).searchParams.get("body")).toBe(draft.body.replaceAll("\n", "\r\n"));
    expect(href).not.toMatch(/[\r\n ]/);
    // Every line break goes out as CRLF: no bare LF is left.
    expect(draft.body.match(/\n/g)).toHaveLength(9);
    expect(href.match(/%0A/g)).toHaveLength(9);
    expect(href.match(/%0D%0A/g)).toHaveLength(9);
  });

  it("does not double a CRLF already in an edited body, and encodes other characters in an address", () => {
    const href = mailtoHref({ to: ["o'neil&co@acme.test", "a b@c.test"], subject: "Hi", body: "one\r\ntwo\nthree" });
    expect(href).toBe("mailto:o'neil%26co@acme.test,a%20b@c.test?subject=Hi&body=one%0D%0Atwo%0D%0Athree");
  });
});
