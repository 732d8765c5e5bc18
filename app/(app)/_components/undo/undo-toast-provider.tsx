"use client";

import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { UndoOffer } from "@/lib/forms/form-state";
import { undoRecordedAction } from "../../undo-actions";
import { UndoToastView, type Toast } from "./undo-toast-view";

/** How long the toast stays, counted only while it is neither hovered nor focused. */
export const TOAST_MS = 8_000;
const RESULT_MS = 6_000;

/**
 * `focusIfLost`: for a control that leaves with what it acted on and has no
 * page-level place for focus to go (Today's move-on item). Step lists have
 * one (their heading, see StepCountAnnouncer), which must not be fought.
 */
type Offer = (offer: UndoOffer, options?: { focusIfLost?: boolean }) => void;

const OfferContext = createContext<Offer>(() => {});

/** Shows the Undo toast for an action the server recorded. */
export const useOfferUndo = () => useContext(OfferContext);

const editable = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));

/**
 * One toast at a time, for the whole signed-in app. Its words go to a
 * polite live region that is always on the page (a region added with its
 * text is often not read). Undo is a button, and Ctrl+Z (⌘Z) outside a text
 * field presses it.
 */
export function UndoToastProvider({ children }: { children: React.ReactNode }) {
  const router = useRouter();
  const [toast, setToast] = useState<Toast | null>(null);
  const [said, setSaid] = useState("");
  const [held, setHeld] = useState(false);
  const undoButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  const offer = useCallback<Offer>((next, options = {}) => {
    setToast({ key: next.id, text: `${next.label}.`, undoId: next.id, busy: false });
    setSaid(`${next.label}. To undo, press Control Z or use the Undo button.`);
    if (!options.focusIfLost) return;
    // After React has drawn the page without the pressed control.
    setTimeout(() => {
      if (document.activeElement === document.body || document.activeElement === null) undoButton.current?.focus();
    }, 50);
  }, []);

  const close = useCallback(() => {
    if (document.activeElement instanceof HTMLElement && document.activeElement.closest("[data-undo-toast]")) {
      document.getElementById("main")?.focus();
    }
    setToast(null);
    setHeld(false);
  }, []);

  const undo = useCallback(async () => {
    const id = toast?.undoId;
    if (!id || toast.busy) return;
    setToast({ ...toast, busy: true });
    const answer = await undoRecordedAction({ id }).catch(() => ({ ok: false, message: "That could not be undone. Try again." }));
    const hadFocus = document.activeElement === undoButton.current;
    setToast({ key: `${id}:done`, text: answer.message, undoId: null, busy: false, failed: !answer.ok });
    setSaid(answer.message);
    // Undo goes once used: focus moves to the toast's other button instead of the top of the page.
    if (hadFocus) setTimeout(() => closeButton.current?.focus(), 0);
    if (answer.ok) router.refresh();
  }, [toast, router]);

  useEffect(() => {
    if (!toast || held || toast.busy) return;
    const timer = setTimeout(close, toast.undoId ? TOAST_MS : RESULT_MS);
    return () => clearTimeout(timer);
  }, [toast, held, close]);

  useEffect(() => {
    if (!toast?.undoId) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "z" || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || editable(e.target)) return;
      e.preventDefault();
      void undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [toast, undo]);

  return (
    <OfferContext.Provider value={offer}>
      {children}
      <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="undo-announcer">
        {said}
      </div>
      {toast ? <UndoToastView toast={toast} undoButton={undoButton} closeButton={closeButton} onUndo={undo} onClose={close} onHold={setHeld} /> : null}
    </OfferContext.Provider>
  );
}
