import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { interviewersMetFor } from "@/lib/data/interviewers";
import { loadOwnedRound } from "@/app/(app)/applications/[id]/load-owned-timeline";
import { listRounds } from "@/lib/data/rounds";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { roundFormValues } from "@/lib/interviews/form-values";
import { numberRounds } from "@/lib/interviews/timeline";
import { dateStyleFor } from "@/app/(app)/request-dates";
import { toWallTime } from "@/lib/time/zoned";
import { offerablePeople } from "../../_components/offerable-people";
import { RoundForm } from "../../_components/round-form";
import { updateRoundAction } from "../../actions";

type Props = PageProps<"/applications/[id]/rounds/[roundId]/edit">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, roundId } = await params;
  const { application, round } = await loadOwnedRound(id, roundId);
  return { title: `Edit ${ROUND_KIND_LABELS[round.kind].toLowerCase()} at ${application.company}` };
}

export default async function EditRoundPage({ params }: Props) {
  const { id, roundId } = await params;
  const { application, round, user } = await loadOwnedRound(id, roundId);
  const db = getDb();
  const now = new Date();
  const [list, known, offers] = await Promise.all([
    listRounds(db, { userId: user.id, applicationId: application.id }),
    interviewersMetFor(db, { userId: user.id, applicationId: application.id }),
    dateStyleFor(user).then((dates) => offerablePeople(db, { id: user.id, dates }, application.company, now)),
  ]);
  const number = numberRounds(list).get(round.id);
  const back = `/applications/${application.id}#round-${round.id}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={back} className="text-brand-700 dark:text-brand-300 underline underline-offset-2">
          ← {application.roleTitle} at {application.company}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">
        Edit round {number}: {ROUND_KIND_LABELS[round.kind].toLowerCase()}
      </h1>
      <RoundForm
        action={updateRoundAction}
        initial={roundFormValues(round, user.timeZone)}
        applicationId={application.id}
        roundId={round.id}
        known={known}
        offers={offers}
        timeZone={user.timeZone}
        nowWall={toWallTime(now, user.timeZone)}
        submitLabel="Save changes"
        cancelHref={back}
      />
    </div>
  );
}
