import type { Metadata } from "next";
import Link from "next/link";
import { loadOwnedEvent } from "@/app/(app)/applications/[id]/load-owned-timeline";
import { EVENT_KIND_LABELS } from "@/lib/interviews/catalog";
import { toWallTime } from "@/lib/time/zoned";
import { EventForm } from "../../_components/event-form";
import { extraFieldValues } from "../../_components/extra-field-values";
import { updateEventAction } from "../../actions";

type Props = PageProps<"/applications/[id]/events/[eventId]/edit">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, eventId } = await params;
  const { application, event } = await loadOwnedEvent(id, eventId);
  return { title: `Edit “${EVENT_KIND_LABELS[event.kind]}” at ${application.company}` };
}

export default async function EditEventPage({ params }: Props) {
  const { id, eventId } = await params;
  const { application, event, user } = await loadOwnedEvent(id, eventId);
  const back = `/applications/${application.id}#event-${event.id}`;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={back} className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
          ← {application.roleTitle} at {application.company}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">Edit “{EVENT_KIND_LABELS[event.kind]}”</h1>
      <div className="card p-4 sm:p-6">
        <EventForm
          action={updateEventAction}
          initial={{ occurredAt: toWallTime(event.occurredAt, user.timeZone), note: event.note ?? "", ...extraFieldValues(event) }}
          applicationId={application.id}
          eventId={event.id}
          fixedKindLabel={EVENT_KIND_LABELS[event.kind]}
          fixedKind={event.kind}
          timeZone={user.timeZone}
          submitLabel="Save changes"
          cancelHref={back}
        />
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        To record something else instead, delete this entry from the timeline and log the right one.
      </p>
    </div>
  );
}
