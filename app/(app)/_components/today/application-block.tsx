import Link from "next/link";
import type { TodayBlock } from "@/lib/dashboard/today";
import { plural } from "@/lib/guidance/phrases";
import { StepCard } from "../guidance/step-card";
import { draftFor } from "../guidance/draft-for";
import type { DateStyle } from "@/lib/time/formats";

type Props = { block: TodayBlock; now: Date; dates: DateStyle; senderName: string };

/** One application's to-dos for today under its name, most urgent first: four applications read as four blocks. */
export function ApplicationBlock({ block, now, dates, senderName }: Props) {
  const headingId = `block-${block.applicationId}`;
  return (
    <li
      className={`card p-3 sm:p-4 ${block.overdue ? "border-l-4 border-l-red-700 dark:border-l-red-400" : ""}`}
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
          {plural(block.steps.length, "step")}
          {block.overdue ? `, ${block.overdue} overdue` : ""}
        </span>
      </div>
      <ul className="mt-1 divide-y divide-slate-200 dark:divide-slate-700">
        {block.steps.map((step) => (
          <StepCard
            key={step.key}
            step={step}
            now={now}
            dates={dates}
            variant="dashboard"
            draft={draftFor(step, step.draftMaterial, { senderName, application: block, dates })}
          />
        ))}
      </ul>
    </li>
  );
}
