import { describe, expect, it } from "vitest";
import { base, errorsOf, valid, type Form } from "./support/round-form";

const ids = (n: number): Form => Object.fromEntries(Array.from({ length: n }, () => [`interviewer.${crypto.randomUUID()}`, "on"]));
const newPeople = (n: number, from = 0): Form =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`newInterviewers.${from + i}.name`, `Person ${from + i}`]));

describe("signals and people", () => {
  it("collects ticked signals and picked people; unticked values are ignored", () => {
    const id = crypto.randomUUID();
    const round = valid({ ...base, "signal.met_team": "on", "signal.company_fit": "", [`interviewer.${id}`]: "on" });
    expect(round.signals).toEqual(["met_team"]);
    expect(round.interviewerIds).toEqual([id]);
  });

  it("refuses a signal key that is not in the catalog", () => {
    expect(errorsOf({ ...base, "signal.good_vibes": "on" })["signals.0"]).toEqual(["That signal is not in the list."]);
  });

  it("refuses an interviewer id that is not a uuid", () => {
    expect(errorsOf({ ...base, "interviewer.42": "on" })["interviewerIds.0"]).toEqual(["Pick people from the list."]);
  });

  it("keys a new person's errors by their row, skipping blank rows without renumbering", () => {
    const errors = errorsOf({
      ...base,
      "newInterviewers.0.name": " ",
      "newInterviewers.0.title": "",
      "newInterviewers.0.email": "",
      "newInterviewers.1.name": "Priya Raman",
      "newInterviewers.1.email": "not-an-email",
      "newInterviewers.2.title": "CTO",
    });
    expect(errors).toEqual({
      "newInterviewers.1.email": ["Enter a valid email address, like you@example.com."],
      "newInterviewers.2.name": ["Name is required."],
    });
  });

  it("drops blank rows and normalises the rest", () => {
    const round = valid({
      ...base,
      "newInterviewers.0.name": "",
      "newInterviewers.0.email": "  ",
      "newInterviewers.1.name": "  Priya Raman ",
      "newInterviewers.1.email": "Priya@Example.COM",
      "newInterviewers.1.title": "",
    });
    expect(round.newInterviewers).toEqual([{ name: "Priya Raman", email: "priya@example.com" }]);
  });

  it("keeps each new person at their form index, even when earlier rows were never posted", () => {
    const errors = errorsOf({ ...base, "newInterviewers.3.name": "Priya Raman", "newInterviewers.3.email": "not-an-email" });
    expect(errors).toEqual({ "newInterviewers.3.email": ["Enter a valid email address, like you@example.com."] });
    const round = valid({ ...base, "newInterviewers.3.name": "Priya Raman", "newInterviewers.7.name": "Sam Lee" });
    expect(round.newInterviewers).toEqual([{ name: "Priya Raman" }, { name: "Sam Lee" }]);
  });

  it("ignores indexes with leading zeros, of 100 and more, or not whole numbers", () => {
    const form = {
      ...base,
      "newInterviewers.07.name": "Leading Zero",
      "newInterviewers.07.email": "not-an-email",
      "newInterviewers.00.name": "Double Zero",
      "newInterviewers.100.name": "Too Far",
      "newInterviewers.250.email": "not-an-email",
      "newInterviewers.1e1.name": "Exponent",
      "newInterviewers.-1.name": "Negative",
    };
    expect(errorsOf(form)).toEqual({});
    expect(valid(form).newInterviewers).toEqual([]);
  });

  it("refuses more than 10 row slots as a list error, counting from the highest index", () => {
    const TOO_MANY = ["Add at most 10 new people at a time."];
    expect(valid({ ...base, "newInterviewers.9.name": "Tenth" }).newInterviewers).toEqual([{ name: "Tenth" }]);
    expect(valid({ ...base, ...newPeople(10) }).newInterviewers).toHaveLength(10);
    expect(errorsOf({ ...base, ...newPeople(11) })).toEqual({ newInterviewers: TOO_MANY });
    expect(errorsOf({ ...base, "newInterviewers.10.name": "Eleventh" })).toEqual({ newInterviewers: TOO_MANY });
    expect(errorsOf({ ...base, "newInterviewers.12.name": "Sam Lee" })).toEqual({ newInterviewers: TOO_MANY });
    expect(errorsOf({ ...base, "newInterviewers.99.title": "CTO" })).toEqual({ newInterviewers: TOO_MANY });
  });
});

describe("people per round", () => {
  it("allows 20 people, picked and new together", () => {
    expect(valid({ ...base, ...ids(20) }).interviewerIds).toHaveLength(20);
    const round = valid({ ...base, ...ids(10), ...newPeople(10) });
    expect(round.interviewerIds.length + round.newInterviewers.length).toBe(20);
  });

  it("refuses a 21st person on the new-people list, whichever side pushes it over", () => {
    expect(errorsOf({ ...base, ...ids(11), ...newPeople(10) })).toEqual({
      newInterviewers: ["A round can have at most 20 people; this one has 21."],
    });
    expect(errorsOf({ ...base, ...ids(20), ...newPeople(1) })).toEqual({
      newInterviewers: ["A round can have at most 20 people; this one has 21."],
    });
  });

  it("counts only the rows that name someone, not blank or skipped ones", () => {
    const blanks = { "newInterviewers.0.name": " ", "newInterviewers.1.email": "", "newInterviewers.5.name": "Sam Lee" };
    const round = valid({ ...base, ...ids(19), ...blanks });
    expect(round.newInterviewers).toEqual([{ name: "Sam Lee" }]);
  });

  it("refuses more than 20 picked people on the picked list itself", () => {
    expect(errorsOf({ ...base, ...ids(21) })).toEqual({ interviewerIds: ["A round can have at most 20 interviewers."] });
  });
});
