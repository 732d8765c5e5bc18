import type { z } from "zod";

/** A recorded action the user may undo, and the toast's words for it. */
export type UndoOffer = { id: string; label: string };

/**
 * What a form's server action returns: every field's errors, the values as
 * submitted (so React's form reset does not wipe them), and an optional
 * message for the whole form.
 */
export type FormState<F extends string = string> = {
  message?: string;
  /** An action that can be undone: the toast offers it (lib/data/undo). */
  undo?: UndoOffer;
  fieldErrors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
};

/**
 * A form action is a public endpoint: a hand-made request can call it with
 * any arguments, not a form. Next answers an action that throws with a 500
 * (vercel/next.js#86945), so the actions answer this instead.
 */
export const UNREADABLE_FORM: FormState<never> = { message: "This form could not be read. Reload the page and try again." };

export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

export const FILE_WHERE_TEXT_BELONGS = "This field takes text, not a file.";

/**
 * A form with a file where text belongs (only a hand-made request sends
 * one: none of these forms has a file input) is refused beside that field,
 * instead of the file being read as an empty value and dropped in silence,
 * which would, say, untick a checkbox. Null when every part is text.
 */
export function refuseFileParts<F extends string>(formData: FormData): FormState<F> | null {
  const fieldErrors: Record<string, string[]> = {};
  for (const [key, value] of formData) {
    if (typeof value !== "string" && !key.startsWith("$ACTION")) fieldErrors[key] = [FILE_WHERE_TEXT_BELONGS];
  }
  if (Object.keys(fieldErrors).length === 0) return null;
  return { message: "This form could not be read: a field came as a file. Reload the page and try again.", fieldErrors: fieldErrors as Partial<Record<F, string[]>> };
}

/** Text values of a form; files and repeated keys are reduced to one string. */
export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$ACTION") || omit.includes(key) || key in values) continue;
    values[key] = typeof value === "string" ? value : "";
  }
  return values;
}

/**
 * Errors keyed by their dotted path ("company", "newInterviewers.0.email"),
 * which is also the name of the input that caused them, so a nested error
 * lands beside the right row of a repeated group.
 */
export function errorsByField(error: z.ZodError): { fieldErrors: Record<string, string[]>; formErrors: string[] } {
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const issue of error.issues) {
    if (issue.path.length === 0) {
      formErrors.push(issue.message);
      continue;
    }
    const key = issue.path.map(String).join(".");
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { fieldErrors, formErrors };
}

export function invalid<F extends string>(
  error: z.ZodError,
  values: Record<string, string>,
  message = "Some fields need a look: see the messages below.",
): FormState<F> {
  const { fieldErrors, formErrors } = errorsByField(error);
  return {
    message: formErrors[0] ?? message,
    fieldErrors: fieldErrors as Partial<Record<F, string[]>>,
    values: values as Partial<Record<F, string>>,
  };
}
