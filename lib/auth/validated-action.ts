import "server-only";
import type { z } from "zod";
import { formValues, invalid, isFormData, refuseFileParts, UNREADABLE_FORM, type FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import type { SessionUser } from "@/lib/data/users";
import { requireUser } from "./current-user";

/**
 * A server action is a public POST endpoint, whatever page it sits on: this
 * checks the session first, then validates, and only then runs the handler.
 * A save the storage refused (disk full, database busy past the retries...)
 * comes back as the form's message with the values kept, never as a 500 nor
 * as a success.
 */
export function validatedActionWithUser<S extends z.ZodType, F extends string = string>(
  // A function when the rules depend on the user, such as their time zone
  // (async when they depend on the request too: the locale of date examples).
  schema: S | ((user: SessionUser) => S | Promise<S>),
  handler: (data: z.output<S>, user: SessionUser, formData: FormData) => Promise<FormState<F>>,
  options: { keepValues?: boolean } = {},
) {
  return async (_previous: FormState<F>, formData: FormData): Promise<FormState<F>> => {
    const user = await requireUser();
    if (!isFormData(formData)) return UNREADABLE_FORM;
    const files = refuseFileParts<F>(formData);
    if (files) return files;
    const submitted = formValues(formData);
    const parsed = (typeof schema === "function" ? await schema(user) : schema).safeParse(submitted);
    const values = options.keepValues === false ? {} : submitted;
    if (!parsed.success) return invalid<F>(parsed.error, values);
    const data = parsed.data;
    return saveOrExplain<F>("form save", values as Partial<Record<F, string>>, () => handler(data, user, formData));
  };
}

/**
 * For forms with nothing to validate beyond ids (archive, delete, a step's
 * Done, sample data): the session first, then the handler, with the same
 * answer to a refused save. Read with useActionState to show the message.
 */
export function actionWithUser<F extends string = string>(
  handler: (user: SessionUser, formData: FormData) => Promise<FormState<F> | void>,
) {
  return async (_previous: FormState<F>, formData: FormData): Promise<FormState<F>> => {
    const user = await requireUser();
    if (!isFormData(formData)) return UNREADABLE_FORM;
    const files = refuseFileParts<F>(formData);
    if (files) return files;
    return saveOrExplain<F>("form save", formValues(formData) as Partial<Record<F, string>>, async () => (await handler(user, formData)) ?? {});
  };
}
