"use client";

import { useEffect, useRef } from "react";

/**
 * The form-wide message; role="alert" so it is announced when it appears.
 * It sits above the form, while the button that was pressed is below it, so
 * it scrolls itself into view whenever an answer arrives: a refused save on
 * a long form must not go unseen. `answer` is the action's state, so that
 * the same message given twice in a row is brought into view twice.
 */
export function FormMessage({ message, tone = "error", answer }: { message?: string; tone?: "error" | "success"; answer?: object }) {
  const box = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
  }, [message, answer]);
  if (!message) return null;
  const styles = tone === "error" ? "border-red-200 dark:border-red-800 bg-red-50 dark:bg-red-950 text-red-800 dark:text-red-200" : "border-green-200 dark:border-green-800 bg-green-50 dark:bg-green-950 text-green-800 dark:text-green-200";
  return (
    <p ref={box} role="alert" data-testid="form-message" className={`rounded-md border px-3 py-2 text-sm ${styles}`}>
      {message}
    </p>
  );
}
