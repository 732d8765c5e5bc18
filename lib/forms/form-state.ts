import { z } from "zod";

/**
 * What a form's server action returns: every field's errors, the values as
 * submitted (so React's form reset does not wipe them), and an optional
 * message for the whole form.
 */
export type FormState<F extends string = string> = {
  message?: string;
  fieldErrors?: Partial<Record<F, string[]>>;
  values?: Partial<Record<F, string>>;
};

/** Text values of a form; files and repeated keys are reduced to one string. */
export function formValues(formData: FormData, omit: readonly string[] = []): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (key.startsWith("$ACTION") || omit.includes(key) || key in values) continue;
    values[key] = typeof value === "string" ? value : "";
  }
  return values;
}

export function invalid<F extends string>(
  error: z.ZodError,
  values: Record<string, string>,
  message = "Some fields need a look: see the messages below.",
): FormState<F> {
  const { fieldErrors, formErrors } = z.flattenError(error);
  return {
    message: formErrors[0] ?? message,
    fieldErrors: fieldErrors as Partial<Record<F, string[]>>,
    values: values as Partial<Record<F, string>>,
  };
}
