import "server-only";
import type { z } from "zod";
import { formValues, invalid, type FormState } from "@/lib/forms/form-state";
import type { SessionUser } from "@/lib/data/users";
import { requireUser } from "./current-user";

/**
 * A server action is a public POST endpoint, whatever page it sits on: this
 * checks the session first, then validates, and only then runs the handler.
 */
export function validatedActionWithUser<S extends z.ZodType, F extends string = string>(
  // A function when the rules depend on the user, such as their time zone.
  schema: S | ((user: SessionUser) => S),
  handler: (data: z.output<S>, user: SessionUser, formData: FormData) => Promise<FormState<F>>,
  options: { keepValues?: boolean } = {},
) {
  return async (_previous: FormState<F>, formData: FormData): Promise<FormState<F>> => {
    const user = await requireUser();
    const submitted = formValues(formData);
    const parsed = (typeof schema === "function" ? schema(user) : schema).safeParse(submitted);
    const values = options.keepValues === false ? {} : submitted;
    if (!parsed.success) return invalid<F>(parsed.error, values);
    return handler(parsed.data, user, formData);
  };
}
