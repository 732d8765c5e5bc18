"use client";

import { useFormStatus } from "react-dom";

export function SubmitButton({
  children,
  pendingText,
  className = "btn-primary",
  accessibleLabel,
}: {
  children: React.ReactNode;
  pendingText: string;
  className?: string;
  /** When several buttons on a page share their text, this tells them apart. */
  accessibleLabel?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending} aria-label={pending ? undefined : accessibleLabel}>
      {pending ? pendingText : children}
    </button>
  );
}
