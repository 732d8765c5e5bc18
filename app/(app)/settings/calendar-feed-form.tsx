"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { useMessageSlot } from "@/app/_components/one-message";
import { SubmitButton } from "@/app/_components/submit-button";
import type { FormState } from "@/lib/forms/form-state";
import type { CalendarFeedIntent } from "@/lib/validation/calendar-feed";
import { calendarFeedAction } from "./actions";

type Confirming = Exclude<CalendarFeedIntent, "create"> | null;

const CONFIRM = {
  regenerate: {
    text: "The current URL stops working at once. Any calendar subscribed to it stops updating until you give it the new URL.",
    button: "Yes, make a new URL",
    pending: "Making a new URL…",
  },
  "turn-off": {
    text: "The URL stops working at once and subscribed calendars stop updating. You can make a new feed later, with a new URL.",
    button: "Yes, turn off the feed",
    pending: "Turning off…",
  },
} as const;

const MESSAGE_ID = "calendar-feed-message";
const ERROR_ID = "calendar-feed-error";

export function CalendarFeedForm({ url }: { url: string | null }) {
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [state, action] = useActionState(async (previous: FormState<"intent">, formData: FormData) => {
    const next = await calendarFeedAction(previous, formData);
    if (!next.fieldErrors) setConfirming(null);
    return next;
  }, {});
  const intentError = state.fieldErrors?.intent?.join(" ");
  const triggers = useRef<Partial<Record<Exclude<Confirming, null>, HTMLButtonElement | null>>>({});
  const returnTo = useRef<Confirming>(null);
  const message = useRef<HTMLParagraphElement>(null);

  // The buttons that were focused go away with the step they belong to, so
  // focus is put somewhere sensible rather than dropped on the page.
  useEffect(() => {
    if (confirming || !returnTo.current) return;
    triggers.current[returnTo.current]?.focus();
    returnTo.current = null;
  }, [confirming]);
  // One message at a time on Settings: a later answer from another form hides this one.
  const mine = useMessageSlot(Boolean(state.message), state);
  useEffect(() => {
    if (state.message && mine) message.current?.focus();
  }, [state, mine]);
  const cancel = () => {
    returnTo.current = confirming;
    setConfirming(null);
  };

  return (
    <form action={action} className="space-y-4" noValidate aria-describedby={intentError ? ERROR_ID : undefined}>
      {state.message && !intentError && mine ? (
        <p
          ref={message}
          id={MESSAGE_ID}
          role="status"
          tabIndex={-1}
          className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200"
        >
          {state.message}
        </p>
      ) : null}
      {url ? <FeedUrl url={url} /> : null}
      {url && confirming ? (
        <ConfirmStep intent={confirming} onCancel={cancel} />
      ) : url ? (
        <div className="flex flex-wrap gap-2">
          <button
            ref={(el) => {
              triggers.current.regenerate = el;
            }}
            type="button"
            className="btn-secondary"
            onClick={() => setConfirming("regenerate")}
          >
            Regenerate URL
          </button>
          <button
            ref={(el) => {
              triggers.current["turn-off"] = el;
            }}
            type="button"
            className="btn-secondary text-red-800 dark:text-red-300"
            onClick={() => setConfirming("turn-off")}
          >
            Turn off feed
          </button>
        </div>
      ) : (
        <div>
          <input type="hidden" name="intent" value="create" />
          <SubmitButton pendingText="Creating…" className="btn-primary">
            Create a calendar feed URL
          </SubmitButton>
        </div>
      )}
      {intentError ? (
        <p id={ERROR_ID} className="text-sm text-red-700 dark:text-red-300">
          {intentError}
        </p>
      ) : null}
    </form>
  );
}

function FeedUrl({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<"yes" | "manual" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("yes");
    } catch {
      // No clipboard access (an older browser, a denied permission): select
      // the text so one key press copies it.
      input.current?.select();
      setCopied("manual");
    }
  }

  return (
    <div>
      <label htmlFor="calendar-feed-url" className="mb-1 block text-sm font-medium text-slate-800 dark:text-slate-200">
        Feed URL
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id="calendar-feed-url"
          className="input min-w-0 flex-1 font-mono text-xs"
          readOnly
          value={url}
          aria-describedby="calendar-feed-url-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="btn-secondary" onClick={copy}>
          Copy
        </button>
      </div>
      <p id="calendar-feed-url-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
        In your calendar app, choose to add or subscribe to a calendar from a URL, and paste this.
      </p>
      <p role="status" className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        {copied === "yes" ? "Copied to the clipboard." : copied === "manual" ? "Selected: press Ctrl+C (⌘C on a Mac) to copy." : ""}
      </p>
    </div>
  );
}

function ConfirmStep({ intent, onCancel }: { intent: Exclude<CalendarFeedIntent, "create">; onCancel: () => void }) {
  const first = useRef<HTMLButtonElement>(null);
  // The confirm step replaces the button that opened it: keep keyboard focus in it.
  useEffect(() => first.current?.focus(), []);
  const copy = CONFIRM[intent];
  return (
    <div
      role="group"
      aria-labelledby="calendar-feed-confirm"
      className="rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-700 dark:bg-amber-950"
      onKeyDown={(e) => {
        if (e.key === "Escape") onCancel();
      }}
    >
      <p id="calendar-feed-confirm" className="text-sm text-amber-900 dark:text-amber-100">
        {copy.text}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <button ref={first} type="button" className="btn-secondary" onClick={onCancel}>
          Cancel
        </button>
        <input type="hidden" name="intent" value={intent} />
        <SubmitButton pendingText={copy.pending} className="btn-danger">
          {copy.button}
        </SubmitButton>
      </div>
    </div>
  );
}
