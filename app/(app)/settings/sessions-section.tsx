import { ActionButton } from "@/app/_components/action-button";
import { deviceName } from "@/lib/auth/device";
import type { Reader } from "@/app/(app)/request-dates";
import type { SessionListing } from "@/lib/data/sessions";
import { formatsFor } from "@/lib/time/formats";
import { relativeTime } from "@/lib/time/relative";
import { signOutEverywhereAction } from "../actions";
import { SessionList, type SessionLine } from "./session-list";

/** Settings → "Your sessions": every signed-in device, ended one at a time or all but this one. */
export function SessionsSection({ user, sessions, now }: { user: Reader; sessions: SessionListing[]; now: Date }) {
  const lines: SessionLine[] = sessions.map((s) => ({
    id: s.id,
    device: deviceName(s.userAgent),
    current: s.id === user.sessionId,
    signedIn: formatsFor(user.dates).dateTime(s.createdAt),
    lastUsed: s.id === user.sessionId ? "now" : relativeTime(s.lastSeenAt, now),
    address: s.address,
  }));
  // This device first, then the others by when they were last used.
  lines.sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <section aria-labelledby="sessions-heading" className="card p-4 sm:p-6">
      <h2 id="sessions-heading" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Your sessions
      </h2>
      <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
        The devices signed in to your account. A session ends after 14 days without use, and 30 days after its sign-in at
        the latest. Don&apos;t recognise one? End it, then change your password.
      </p>
      <SessionList lines={lines} />
      <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700">
        <h3 className="font-medium">Sign out everywhere</h3>
        <p className="mt-1 mb-3 text-sm text-slate-700 dark:text-slate-300">
          Lost a phone, or signed in on a shared computer? This ends every session of your account, this one included,
          revokes every access token, and gives your calendar feed a new URL.
        </p>
        <ActionButton action={signOutEverywhereAction} pendingText="Signing out…" formClassName="space-y-2">
          Sign out everywhere
        </ActionButton>
      </div>
    </section>
  );
}
