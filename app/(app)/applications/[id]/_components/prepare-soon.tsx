import Link from "next/link";
import { PrepChecklist } from "@/app/(app)/_components/guidance/prep-checklist";
import { dayAndTime } from "@/app/(app)/_components/today/day-labels";
import { TODAY_INTERVIEW_HOURS } from "@/lib/dashboard/today";
import { isPreparation } from "@/lib/dashboard/importance";
import type { RoundView } from "@/lib/data/rounds";
import { HOUR_MS } from "@/lib/time/units";
import { listOf } from "@/lib/guidance/phrases";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import type { DateStyle } from "@/lib/time/formats";
import { SourceLine } from "@/app/(app)/_components/guidance/source-line";
import { RULE_SOURCES } from "@/lib/guidance/rule-ids";

const PREP_SOURCE = { ...RULE_SOURCES["prepare-research-company"], sections: [...RULE_SOURCES["prepare-research-company"].sections, ...RULE_SOURCES["prepare-examples"].sections] };

/** The rounds of the next 48 hours: those the dashboard's Today names with a "Prepare" link to here. */
export function roundsSoon(rounds: readonly RoundView[], now: Date): RoundView[] {
  const until = now.getTime() + TODAY_INTERVIEW_HOURS * HOUR_MS;
  return rounds.filter((r) => r.scheduledAt > now && r.scheduledAt.getTime() <= until).sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
}

/** The preparation steps that `PrepareSoon` shows for these rounds, which the rest of the page then leaves out. */
export function preparationFor(rounds: readonly RoundView[], todos: readonly Recommendation[]): Set<string> {
  const ids = new Set(rounds.map((r) => r.id));
  return new Set(todos.filter((s) => isPreparation(s.ruleId) && s.roundId && ids.has(s.roundId)).map((s) => s.key));
}

type Props = { rounds: RoundView[]; todos: Recommendation[]; now: Date; dates: DateStyle };

/**
 * One "Prepare" item per interview of the next 48 hours, as the dashboard
 * leads with them: its open preparation steps as a checklist, or, with none
 * open, where to note what to say and ask. The dashboard's link lands here.
 */
export function PrepareSoon({ rounds, todos, now, dates }: Props) {
  return rounds.map((round) => {
    const steps = todos.filter((s) => isPreparation(s.ruleId) && s.roundId === round.id);
    const kind = ROUND_KIND_LABELS[round.kind];
    const people = round.interviewers.map((p) => p.name);
    return (
      <PrepChecklist
        key={round.id}
        roundId={round.id}
        roundAt={round.scheduledAt}
        steps={steps}
        now={now}
        dates={dates}
        variant="page"
        title={`Prepare: ${kind.toLowerCase()}, ${dayAndTime(round.scheduledAt, now, dates).replace(/^(Today|Tomorrow)/, (d) => d.toLowerCase())}${people.length ? `, with ${listOf(people)}` : ""}`}
        empty={
          <div className="mt-1 text-sm text-slate-800 dark:text-slate-200">
            Read up on the company, pick two or three pieces of your work to talk about, and write down what you want to ask them.{" "}
            <Link href={`/applications/${round.applicationId}/rounds/${round.id}/edit`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
              Keep your prep notes on the round
            </Link>
            .
            <SourceLine source={PREP_SOURCE} />
          </div>
        }
      />
    );
  });
}
