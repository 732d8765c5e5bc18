import { isLate, weekendFor } from "@/lib/dashboard/importance";
import type { NextStep } from "@/lib/dashboard/next-step";
import { span } from "@/lib/guidance/phrases";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { MINUTE_MS } from "@/lib/time/units";
import { checkInText } from "./check-in-text";

/**
 * How an application's next step reads where there is room for one line
 * (a board card, a list row): "late" is the alarm colour, kept for what is
 * truly late for its kind (lib/dashboard/importance.ts); "overdue" is only
 * past its time; "check-in" is when to check in, with nothing to do before.
 */
export type StepView = { title: string; due: string | null; exact: string | null; tone: "late" | "overdue" | "upcoming" | "check-in" };

export function nextStepView(next: NextStep, company: string, now: Date, zone: string, dates: DateStyle): StepView {
  if (next.type === "check-in") {
    return { title: `Nothing to do yet. ${checkInText(next.checkIn, company, dates)}.`, due: null, exact: formatsFor(dates).dateTime(next.checkIn.dueAt), tone: "check-in" };
  }
  const { step } = next;
  const dueAt = step.dueAt!;
  const exact = formatsFor(dates).dateTime(dueAt);
  if (step.overdue) return { title: step.title, due: `Overdue by ${span(dueAt, now)}`, exact, tone: isLate(step, now, zone, weekendFor(dates.locale)) ? "late" : "overdue" };
  const due = dueAt.getTime() - now.getTime() < MINUTE_MS ? "Due now" : `Due in ${span(now, dueAt)}`;
  return { title: step.title, due, exact, tone: "upcoming" };
}

