"use client";

import { createContext, useContext, useEffect, useId, useState, type ReactNode } from "react";

type Slot = { owner: string | null; claim: (id: string) => void };
const MessageSlot = createContext<Slot | null>(null);

/**
 * A page of several forms (Settings) shows one form's answer at a time: the
 * latest. Without it, each form's "Saved" stays put and they pile up down
 * the page. Forms outside a slot show their own message as before.
 */
export function OneMessageAtATime({ children, className }: { children: ReactNode; className?: string }) {
  const [owner, setOwner] = useState<string | null>(null);
  return (
    <MessageSlot value={{ owner, claim: setOwner }}>
      <div className={className}>{children}</div>
    </MessageSlot>
  );
}

/**
 * Whether this form's message may show: it claims the slot whenever a new
 * answer arrives that says something (a message, or a refused field), which
 * hides the message before it.
 */
export function useMessageSlot(speaks: boolean, answer: object | undefined): boolean {
  const id = useId();
  const slot = useContext(MessageSlot);
  const claim = slot?.claim;
  useEffect(() => {
    if (speaks) claim?.(id);
  }, [speaks, answer, claim, id]);
  return !slot || slot.owner === null || slot.owner === id;
}
