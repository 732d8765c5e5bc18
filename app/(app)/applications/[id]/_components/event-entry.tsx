import Link from "next/link";
import { ConfirmDeleteButton } from "@/app/_components/confirm-delete-button";
import type { EventView } from "@/lib/data/events";
import { EVENT_KIND_LABELS } from "@/lib/interviews/catalog";
import { relativeTime } from "@/lib/time/relative";
import { deleteEventAction } from "../events/actions";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { EventDetails } from "./event-details";

export function EventEntry({ event, dates, now }: { event: EventView; dates: DateStyle; now: Date }) {
  const label = EVENT_KIND_LABELS[event.kind];
  const formats = formatsFor(dates);
  const when = formats.dateTime(event.occurredAt);
  return (
    <article aria-labelledby={`event-${event.id}-title`} className="space-y-1">
      <h4 id={`event-${event.id}-title`} className="font-semibold text-slate-900 dark:text-slate-100">
        {label}
      </h4>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        <time dateTime={event.occurredAt.toISOString()}>{when}</time>{" "}
        <span className="font-medium">({relativeTime(event.occurredAt, now)})</span>
      </p>
      <EventDetails event={event} formats={formats} />
      {event.note ? <p className="text-sm whitespace-pre-wrap text-slate-800 dark:text-slate-200">{event.note}</p> : null}
      <div className="flex flex-wrap gap-2 pt-1">
        <Link
          href={`/applications/${event.applicationId}/events/${event.id}/edit`}
          className="btn-secondary px-3 py-1"
          aria-label={`Edit “${label}” from ${when}`}
        >
          Edit
        </Link>
        <ConfirmDeleteButton
          action={deleteEventAction}
          fields={{ eventId: event.id }}
          title={`Delete “${label}”?`}
          description={`The entry from ${when} will be removed for good. If it set the application's status, the status goes back to what it was.`}
          accessibleLabel={`Delete “${label}” from ${when}`}
          triggerClassName="btn-secondary px-3 py-1 text-red-800 dark:text-red-200"
        />
      </div>
    </article>
  );
}
