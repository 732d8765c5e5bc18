import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { formatPlace, formatSalary } from "@/lib/applications/labels";
import { formatsFor } from "@/lib/time/formats";
import { requireReader } from "@/app/(app)/request-dates";
import { listEvents } from "@/lib/data/events";
import { applicationGuidance } from "@/lib/data/guidance";
import { interviewersMetFor } from "@/lib/data/interviewers";
import { loadOwnedApplication } from "@/app/(app)/applications/[id]/load-owned-application";
import { listRounds } from "@/lib/data/rounds";
import { newRoundFormValues } from "@/lib/interviews/form-values";
import { toWallTime } from "@/lib/time/zoned";
import { StatusBadge } from "../../_components/status-badge";
import { ActionButton } from "@/app/_components/action-button";
import { setArchivedAction } from "../actions";
import { DeleteApplicationButton } from "../_components/delete-application-button";
import { NextSteps } from "./_components/next-steps";
import { DocumentsSection } from "./_components/documents-section";
import { attachmentsOf, versionChoices } from "@/lib/data/document-attachments";
import { groupBy } from "@/lib/group-by";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { numberRounds } from "@/lib/interviews/timeline";
import { Timeline } from "./_components/timeline";
import { EventForm } from "./events/_components/event-form";
import { logEventAction } from "./events/actions";
import { offerablePeople } from "./rounds/_components/offerable-people";
import { RoundForm } from "./rounds/_components/round-form";
import { createRoundAction } from "./rounds/actions";

export async function generateMetadata({ params }: PageProps<"/applications/[id]">): Promise<Metadata> {
  const a = await loadOwnedApplication((await params).id);
  return { title: `${a.roleTitle} at ${a.company}` };
}

export default async function ApplicationPage({ params }: PageProps<"/applications/[id]">) {
  const a = await loadOwnedApplication((await params).id);
  const user = await requireReader();
  const db = getDb();
  const now = new Date();
  const [rounds, events, known, guidance, offers, attached, choices] = await Promise.all([
    listRounds(db, { userId: user.id, applicationId: a.id }),
    listEvents(db, { userId: user.id, applicationId: a.id }),
    interviewersMetFor(db, { userId: user.id, applicationId: a.id }),
    applicationGuidance(db, { user, applicationId: a.id, now }),
    offerablePeople(db, user, a.company, now),
    attachmentsOf(db, { userId: user.id, applicationId: a.id }),
    versionChoices(db, { userId: user.id }),
  ]);
  const roundNumbers = numberRounds(rounds);
  const roundPlaces = [...rounds]
    .sort((x, y) => (roundNumbers.get(x.id) ?? 0) - (roundNumbers.get(y.id) ?? 0))
    .map((r) => ({ roundId: r.id, label: `Round ${roundNumbers.get(r.id)} · ${ROUND_KIND_LABELS[r.kind]}` }));
  const roundDocuments = groupBy(
    attached.filter((d) => d.roundId),
    (d) => d.roundId as string,
  );
  const formats = formatsFor(user.dates);
  const salary = formatSalary(a);
  const details: [string, React.ReactNode][] = [
    ["Location", formatPlace(a)],
    ["Applied on", a.appliedOn ? formats.calendarDay(a.appliedOn) : null],
    ["Source", a.source],
    ["Salary", salary],
    [
      "Excitement",
      a.excitement ? (
        <>
          <span aria-hidden>
            {"★".repeat(a.excitement)}
            <span className="text-slate-300 dark:text-slate-600">{"★".repeat(5 - a.excitement)}</span>
          </span>
          <span className="sr-only">{a.excitement} out of 5</span>
        </>
      ) : null,
    ],
    [
      "Job posting",
      a.postingUrl ? (
        <a href={a.postingUrl} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-brand-700 dark:text-brand-300 underline underline-offset-2">
          {a.postingUrl}
        </a>
      ) : null,
    ],
  ];

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/applications" className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
          ← All applications
        </Link>
      </nav>

      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <div className="min-w-0 flex-1">
          <h1 className="text-2xl font-semibold tracking-tight" dir="auto">
            {a.roleTitle}
          </h1>
          <p className="text-lg text-slate-700 dark:text-slate-300" dir="auto">
            {a.company}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <StatusBadge status={a.status} />
            {a.archivedAt ? (
              <span className="rounded-full bg-slate-200 dark:bg-slate-700 px-2.5 py-0.5 text-xs font-medium text-slate-800 dark:text-slate-200">Archived</span>
            ) : null}
          </div>
        </div>
        <div className="flex max-w-xs flex-wrap items-start gap-2">
          <Link href={`/applications/${a.id}/edit`} className="btn-primary">
            Edit
          </Link>
          {/* The form takes no box of its own, so a refusal's message gets a line under the buttons. */}
          <ActionButton
            action={setArchivedAction}
            fields={{ id: a.id, archived: a.archivedAt ? "false" : "true" }}
            pendingText={a.archivedAt ? "Unarchiving…" : "Archiving…"}
            formClassName="contents"
            messageClassName="order-last basis-full"
          >
            {a.archivedAt ? "Unarchive" : "Archive"}
          </ActionButton>
          <DeleteApplicationButton id={a.id} label={`${a.roleTitle} at ${a.company}`} />
        </div>
      </header>


      {guidance ? (
        <NextSteps guidance={guidance} application={a} rounds={rounds} events={events} senderName={user.name} dates={user.dates} now={now} sent={attached} />
      ) : null}

      <section aria-labelledby="details-heading" className="card p-4 sm:p-6">
        <h2 id="details-heading" className="sr-only">
          Details
        </h2>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          {details.map(([label, value]) => (
            <div key={label}>
              <dt className="text-xs font-medium tracking-wide text-slate-600 dark:text-slate-400 uppercase">{label}</dt>
              <dd className="mt-0.5 text-sm text-slate-900 dark:text-slate-100">{value ?? <span className="text-slate-500 dark:text-slate-400">Not recorded</span>}</dd>
            </div>
          ))}
        </dl>
      </section>

      <DocumentsSection applicationId={a.id} sent={attached.filter((d) => !d.roundId)} choices={choices} rounds={roundPlaces} />

      <section aria-labelledby="timeline-heading" id="timeline" className="space-y-4">
        <h2 id="timeline-heading" className="text-lg font-semibold">
          Interviews and events
        </h2>
        {/* Keyed by the count so a saved entry closes its form (a remount), while a
            failed one stays open with its messages. */}
        <details key={`round-form-${rounds.length}`} className="group card p-4 sm:p-5" data-testid="log-round">
          <summary className="cursor-pointer list-none font-medium text-brand-700 dark:text-brand-300 marker:hidden">
            <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">▸</span>
            Log a round
          </summary>
          <div className="mt-4">
            <RoundForm
              action={createRoundAction}
              initial={newRoundFormValues(rounds.length)}
              applicationId={a.id}
              known={known}
              offers={offers}
              timeZone={user.timeZone}
              nowWall={toWallTime(now, user.timeZone)}
              submitLabel="Save round"
            />
          </div>
        </details>
        <details key={`event-form-${events.length}`} className="group card p-4 sm:p-5" data-testid="log-event">
          <summary className="cursor-pointer list-none font-medium text-brand-700 dark:text-brand-300 marker:hidden">
            <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">▸</span>
            Log an event: follow-up, reply, offer…
          </summary>
          <div className="mt-4">
            <EventForm
              action={logEventAction}
              initial={{ occurredAt: toWallTime(now, user.timeZone) }}
              applicationId={a.id}
              timeZone={user.timeZone}
              submitLabel="Save event"
            />
          </div>
        </details>
        <Timeline application={a} rounds={rounds} events={events} dates={user.dates} now={now} roundDocuments={roundDocuments} />
      </section>

      <section aria-labelledby="notes-heading" className="card p-4 sm:p-6">
        <h2 id="notes-heading" className="text-sm font-semibold">
          Notes
        </h2>
        {a.notes ? (
          <p className="mt-2 text-sm whitespace-pre-wrap text-slate-800 dark:text-slate-200" dir="auto">
            {a.notes}
          </p>
        ) : (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">
            No notes yet.{" "}
            <Link href={`/applications/${a.id}/edit`} className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
              Add what you know
            </Link>{" "}
            about the team, the people you spoke to, or why you want this job.
          </p>
        )}
      </section>

      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="application-dates">
        Added {formats.mediumDate(a.createdAt)} · last
        updated {formats.mediumDate(a.updatedAt)}
      </p>
    </div>
  );
}
