"use client";

import { useState } from "react";

/** The counter appears once the text reaches this share of its limit. */
export const NEAR_LIMIT_SHARE = 0.8;

type Props = {
  /** What `Field` passes its control: id, name and the described-by of its hint and errors. */
  field: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: true };
  label: string;
  max: number;
  defaultValue?: string;
  rows?: number;
  placeholder?: string;
};

const count = (n: number) => n.toLocaleString("en-US");

/**
 * A textarea that counts as its limit nears and never cuts: `maxLength`
 * would silently drop the end of a long paste, so an over-limit text stays
 * as pasted, says by how much it is over, and the server refuses it with the
 * field's own message. The count is the server's: the text as it will be
 * saved, trimmed.
 */
export function LongText({ field, label, max, defaultValue = "", rows = 4, placeholder }: Props) {
  const [length, setLength] = useState(defaultValue.trim().length);
  const near = length >= max * NEAR_LIMIT_SHARE;
  const over = length > max;
  const counterId = `${field.id}-count`;
  const describedBy = [field["aria-describedby"], near ? counterId : null].filter(Boolean).join(" ") || undefined;
  return (
    <>
      <textarea
        {...field}
        aria-describedby={describedBy}
        aria-invalid={field["aria-invalid"] ?? (over ? true : undefined)}
        rows={rows}
        dir="auto"
        className="input"
        defaultValue={defaultValue}
        placeholder={placeholder}
        onChange={(e) => setLength(e.currentTarget.value.trim().length)}
      />
      {near ? (
        <p
          id={counterId}
          data-testid="char-count"
          className={`mt-1 text-xs tabular-nums ${over ? "font-medium text-red-700 dark:text-red-300" : "text-slate-600 dark:text-slate-400"}`}
        >
          {count(length)} / {count(max)}
          {over ? ` · ${count(length - max)} over the limit: shorten ${label.toLowerCase()} to save.` : null}
        </p>
      ) : null}
      {/* Said once as the text goes over, not at every keystroke. */}
      <p className="sr-only" aria-live="polite">
        {over ? `${label} is ${count(length - max)} characters over the ${count(max)} limit.` : ""}
      </p>
    </>
  );
}
