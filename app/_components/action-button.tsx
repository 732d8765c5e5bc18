"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { SubmitButton } from "./submit-button";

type Props = {
  /** Redirects when it is done; answers with a message when it could not be (a full disk, a busy database). */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  children: React.ReactNode;
  pendingText: string;
  /** Hidden fields the action needs, such as an id. */
  fields?: Record<string, string>;
  className?: string;
  /** The form's own layout; "contents" lets the message take a line of its own in the parent's flex row. */
  formClassName: string;
  messageClassName?: string;
};

/** A one-button form (archive, load sample data, sign out everywhere) that says why beside it when the action was refused. */
export function ActionButton({ action, children, pendingText, fields = {}, className = "btn-secondary", formClassName, messageClassName = "" }: Props) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className={formClassName}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton pendingText={pendingText} className={className}>
        {children}
      </SubmitButton>
      {state.message ? (
        <p role="alert" className={`text-sm text-red-800 dark:text-red-200 ${messageClassName}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
