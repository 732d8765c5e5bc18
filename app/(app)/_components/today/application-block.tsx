import Link from "next/link";
import { lateCount, type TodayBlock } from "@/lib/dashboard/today";
import { importance, soonUntilFor } from "@/lib/dashboard/importance";
import { groupPreparation } from "@/lib/dashboard/today-items";
import { plural } from "@/lib/text/plural";
import { PrepChecklist } from "../guidance/prep-checklist";
import { PRIORITY_LABELS, StepCard } from "../guidance/step-card";
import { draftFor } from "@/lib/dashboard/draft-for";
import type { DateStyle } from "@/lib/time/formats";

type Props = { block: TodayBlock; now: Date; dates: DateStyle; senderName: string; endOfToday: Date };

/**
 * One application's to-dos for today under its name, most important first:
 * four applications read as four blocks. A round's preparation is one
 * checklist. The red edge marks a block with a step truly late for its kind.
 */
export function ApplicationBlock({ block, now, dates, senderName, endOfToday }: Props) {
  const headingId = `block-${block.applicationId}`;
  const soon = soonUntilFor(endOfToday);
  const late = lateCount(block, now);
  return (
    <li
      className={`card p-3 sm:p-4 ${late ? "border-l-4 border-l-red-700 dark:border-l-red-400" : ""}`}
      data-testid="today-block"
      aria-labelledby={headingId}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 id={headingId} className="font-semibold">
          <Link href={`/applications/${block.applicationId}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-100">
            <bdi>{block.roleTitle}</bdi> at <bdi>{block.company}</bdi>
          </Link>
        </h3>
        <span className="text-sm text-slate-700 dark:text-slate-300">
          {plural(block.steps.length, "step", "steps", "plain")}
          {block.overdue ? `, ${block.overdue} overdue` : ""}
          {late ? `, ${late} late` : ""}
        </span>
      </div>
      <ul className="mt-1 divide-y divide-slate-200 dark:divide-slate-700">
        {groupPreparation(block.steps).map((item) =>
          item.type === "preparation" ? (
            <PrepChecklist
              key={item.roundId}
              roundId={item.roundId}
              roundAt={item.steps[0].roundAt}
              steps={item.steps}
              now={now}
              dates={dates}
              priorityLabel={PRIORITY_LABELS[importance(item.steps[0], soon)]}
            />
          ) : (
            <StepCard
              key={item.step.key}
              step={item.step}
              now={now}
              dates={dates}
              variant="dashboard"
              priority={importance(item.step, soon)}
              draft={draftFor(item.step, item.step.draftMaterial, { senderName, application: block, dates })}
            />
          ),
        )}
      </ul>
    </li>
  );
}
