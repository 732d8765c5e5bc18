"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";

/** Long enough that a steady typist sends one query per pause, short enough to feel immediate. */
export const SEARCH_DELAY_MS = 300;

/**
 * A filter form that updates the page as it changes, without a page load:
 * each change replaces the URL (so a reload, a shared link and the back
 * button after leaving all show the same results), typing waits for a pause.
 *
 * `currentHref` is the URL the server rendered. When it changes to one this
 * form did not send (Back, a "Clear" link), the fields follow it; when it is
 * the answer to what was typed, they are left alone so no keystroke is lost.
 */
export function useLiveQuery<V>(currentHref: string, fromUrl: () => V, hrefFor: (values: V) => string) {
  const router = useRouter();
  const [values, setValues] = useState(fromUrl);
  const [seen, setSeen] = useState(currentHref);
  const [sent, setSent] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  if (currentHref !== seen) {
    setSeen(currentHref);
    if (currentHref !== sent) setValues(fromUrl());
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  function go(next: V) {
    clearTimeout(timer.current);
    const target = hrefFor(next);
    setSent(target);
    startTransition(() => router.replace(target, { scroll: false }));
  }

  /** Typing waits for a pause (`typed`); a pick from a list or a tick goes at once. */
  function change(patch: Partial<V>, typed = false) {
    const next = { ...values, ...patch };
    setValues(next);
    clearTimeout(timer.current);
    if (typed) timer.current = setTimeout(() => go(next), SEARCH_DELAY_MS);
    else go(next);
  }

  /** Enter in the search box: no need to wait for the pause. */
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    go(values);
  }

  return { values, change, submit, pending };
}
