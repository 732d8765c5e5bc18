import type { StepView } from "./next-step-view";

/** The text colour of each tone: red only for late. */
export const TONE_CLASSES: Record<StepView["tone"], string> = {
  late: "font-semibold text-red-800 dark:text-red-300",
  overdue: "font-medium text-amber-900 dark:text-amber-200",
  upcoming: "text-slate-700 dark:text-slate-300",
  "check-in": "text-slate-700 dark:text-slate-300",
};
