"use client";

import { useEffect, useRef } from "react";
import { useMessageSlot } from "./one-message";

const hasFieldErrors = (answer: object | undefined) => {
  const errors = (answer as { fieldErrors?: Record<string, unknown> } | undefined)?.fieldErrors;
  return errors !== undefined && Object.keys(errors).length > 0;
};

/**
 * The form-wide message; role="alert" so it is announced when it appears.
 * It sits above the form, while the button that was pressed is below it, so
 * it scrolls itself into view whenever an answer arrives: a refused save on
 * a long form must not go unseen. `answer` is the action's state, so that
 * the same message given twice in a row is brought into view twice.
 *
 * When fields were refused, focus moves to the first of them instead (which
 * scrolls it into view): a screen reader then reads its label and its error,
 * and a keyboard user is where the fix is. Every form marks a refused field
 * with aria-invalid (through `Field`), so one place serves them all.
 */
export function FormMessage({ message, tone = "error", answer }: { message?: string; tone?: "error" | "success"; answer?: object }) {
  const box = useRef<HTMLParagraphElement>(null);
  const mine = useMessageSlot(Boolean(message) || hasFieldErrors(answer), answer);
  useEffect(() => {
    const firstError = hasFieldErrors(answer)
      ? box.current?.closest("form")?.querySelector<HTMLElement>('[aria-invalid="true"]:not([type="hidden"])')
      : null;
    if (firstError) firstError.focus();
    else box.current?.scrollIntoView({ block: "nearest" });
    // `mine`: in a shared slot the message appears a render after the answer.
  }, [message, answer, mine]);
  if (!message || !mine) return null;
  const styles = tone === "error" ? "border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200" : "border-green-200 dark:border-green-800 bg-green-50 dark:bg-green-950 text-green-800 dark:text-green-200";
  return (
    <p ref={box} role="alert" data-testid="form-message" className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {message}
    </p>
  );
}
