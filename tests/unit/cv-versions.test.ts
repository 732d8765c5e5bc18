import { describe, expect, it } from "vitest";
import { outcomesByCvVersion, percent } from "@/lib/analytics/cv-versions";
import { SMALL_SAMPLE } from "@/lib/analytics/outcomes";
import type { AppHistory } from "@/lib/analytics/rows";
import { buildDraft, type DraftFacts } from "@/lib/guidance/drafts";
import type { ApplicationStatus, EventKind } from "@/lib/vocabulary";

const AT = new Date("2026-10-01T09:00:00Z");
const history = (id: string, status: ApplicationStatus, { rounds = 0, events = [] as EventKind[] } = {}): AppHistory => ({
  application: { id, status, appliedOn: "2026-09-01" },
  rounds: Array.from({ length: rounds }, (_, i) => ({ id: `${id}-r${i}`, applicationId: id, kind: "first" as const, scheduledAt: AT, durationMinutes: 60, loggedAt: AT })),
  events: events.map((kind) => ({ applicationId: id, kind, occurredAt: AT })),
});
const sent = (applicationId: string, versionId: string, number = 1) => ({ applicationId, versionId, name: "CV", number });

describe("outcomes by CV version", () => {
  it("counts answers and interviews per version, with the sample size, marking small samples", () => {
    const list = [
      history("a", "interviewing", { rounds: 1 }),
      history("b", "rejected", { events: ["rejection_received"] }),
      history("c", "applied"),
      history("d", "ghosted"),
      history("e", "applied", { events: ["follow_up_sent"] }),
      history("f", "applied", { events: ["response_received"] }),
      history("saved", "saved"),
    ];
    const rows = outcomesByCvVersion(list, [
      ...["a", "b", "c", "d", "e"].map((id) => sent(id, "v3", 3)),
      sent("f", "v4", 4),
      sent("saved", "v4", 4),
    ]);
    expect(rows).toEqual([
      { versionId: "v3", label: "CV — v3", n: 5, answered: 2, interviewed: 1, smallSample: false },
      { versionId: "v4", label: "CV — v4", n: 1, answered: 1, interviewed: 0, smallSample: true },
    ]);
    expect(SMALL_SAMPLE).toBe(5);
  });

  it("counts an application once per version, and leaves out other users' rows it doesn't know", () => {
    expect(outcomesByCvVersion([history("a", "offer")], [sent("a", "v1"), sent("a", "v1"), sent("unknown", "v1")])).toEqual([
      { versionId: "v1", label: "CV — v1", n: 1, answered: 1, interviewed: 1, smallSample: true },
    ]);
  });

  it("a share is a whole percentage, and nothing of nothing is 0", () => {
    expect([percent(1, 3), percent(2, 3), percent(0, 0)]).toEqual([33, 67, 0]);
  });
});

describe("drafts name the version that was sent", () => {
  const base: DraftFacts = {
    kind: "application-follow-up",
    senderName: "Ana",
    application: { company: "Acme", roleTitle: "Engineer" },
    round: null,
    appliedOnText: "Monday 2 November",
  };
  const round = { kind: "first" as const, signals: [], interviewers: [], dateText: "Tuesday 3 November" };

  it("a follow-up offers the CV sent with the application again, by its file name", () => {
    expect(buildDraft({ ...base, sentDocument: { kind: "cv", fileName: "ana-lima-cv.pdf", atRound: false } }).body).toContain(
      "I have attached the CV I sent (ana-lima-cv.pdf) again, so it is at hand.",
    );
    expect(buildDraft(base).body).not.toContain("attached");
  });

  it("a thank-you offers what was presented at that round, and not the application's CV", () => {
    const presented = buildDraft({ ...base, kind: "thank-you", round, sentDocument: { kind: "portfolio", fileName: "case-study.pdf", atRound: true } });
    expect(presented.body).toContain("I have attached the portfolio I presented (case-study.pdf), in case it is useful to the team.");
    const cv = buildDraft({ ...base, kind: "thank-you", round, sentDocument: { kind: "cv", fileName: "cv.pdf", atRound: false } });
    expect(cv.body).not.toContain("attached");
  });
});
