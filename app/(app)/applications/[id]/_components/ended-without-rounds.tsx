import { ActionButton } from "@/app/_components/action-button";
import type { EventView } from "@/lib/data/events";
import { ARTICLE_TITLE } from "@/lib/interviews/catalog";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { toWallTime } from "@/lib/time/zoned";
import { logEventAction } from "../events/actions";

const FEEDBACK_SECTION = "Seek Constructive Feedback";

type Props = { applicationId: string; company: string; events: EventView[]; dates: DateStyle; now: Date };

/**
 * A rejection with no rounds logged: "log each round" would be advice for a
 * process that is over. What is left to do is ask for feedback, so the
 * request is one click to log (the draft lives in the feedback step once a
 * round exists; here the words are short enough to say in place).
 */
export function EndedWithoutRounds({ applicationId, company, events, dates, now }: Props) {
  const asked = events.filter((e) => e.kind === "feedback_requested").at(-1) ?? null;
  return (
    <div className="card space-y-2 p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="ended-without-rounds">
      <p className="font-medium text-slate-900 dark:text-slate-100">No rounds were logged before {company} said no.</p>
      {asked ? (
        <p>
          You asked for feedback on <time dateTime={asked.occurredAt.toISOString()}>{formatsFor(dates).dateTime(asked.occurredAt)}</time>. When
          they answer, log it as &ldquo;Feedback received&rdquo;.
        </p>
      ) : (
        <>
          <p>
            Asking for feedback is still worth a short email: thank them for considering you and ask what would have made your
            application stronger. A gracious note keeps the door open for the next role there.
          </p>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            From &ldquo;{FEEDBACK_SECTION}&rdquo; in <cite>{ARTICLE_TITLE}</cite>, which speaks of feedback after an interview; it
            holds as well after an application alone.
          </p>
          <ActionButton
            action={logEventAction}
            fields={{ applicationId, kind: "feedback_requested", occurredAt: toWallTime(now, dates.zone) }}
            pendingText="Logging…"
            formClassName="flex flex-wrap items-center gap-2"
          >
            I&rsquo;ve asked for feedback
          </ActionButton>
        </>
      )}
    </div>
  );
}
