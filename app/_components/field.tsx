import type { ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  errors?: string[];
  hint?: string;
  children: (props: { id: string; name: string; "aria-describedby"?: string; "aria-invalid"?: true }) => ReactNode;
  className?: string;
  /** Two forms on one page need different ids for same-named fields. */
  idPrefix?: string;
};

/** A labelled control with its hint and its errors tied to it for screen readers. */
export function Field({ name, label, errors, hint, children, className, idPrefix = "field" }: FieldProps) {
  const id = `${idPrefix}-${name}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(" ");
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children({
        id,
        name,
        "aria-describedby": describedBy || undefined,
        "aria-invalid": errors?.length ? true : undefined,
      })}
      {hint ? (
        <p id={hintId} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={errorId} className="mt-1 text-sm text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
