"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/forms/form-state";
import { useOfferUndo } from "./undo-toast-provider";

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * useActionState for an action that may return an undo offer. The offer is
 * handed to the toast from the action's own continuation, not from an
 * effect: the form that was pressed is usually gone by the next render
 * (a step marked done leaves the page), and its effects with it.
 */
export function useUndoableAction(action: FormAction) {
  const offer = useOfferUndo();
  return useActionState(async (previous: FormState, formData: FormData) => {
    const next = await action(previous, formData);
    if (next.undo) offer(next.undo);
    return next;
  }, {});
}
