"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { SIGNALS } from "@/lib/interviews/catalog";
import { keptValues } from "@/lib/interviews/debrief";
import { OutcomeField } from "../rounds/_components/outcome-field";
import { updateRoundAction } from "../rounds/actions";

type Props = { roundId: string; applicationId: string; number: number; values: Record<string, string> };

const box = "size-4 shrink-0 accent-brand-600 dark:accent-brand-400";

/**
 * The short step after a round: its outcome and the four positive signs, in
 * one small form. It saves through the round's own edit action, posting the
 * rest of the round unchanged, so the same checks and ownership rules apply.
 */
export function HowDidItGo({ roundId, applicationId, number, values }: Props) {
  const [state, formAction] = useActionState(updateRoundAction, {});
  const errors = state.fieldErrors ?? {};
  const v = state.values ?? values;
  const prefix = `debrief-${roundId}`;
  const timelineError = errors.hiringTimelineOn?.join(" ") ?? errors.noNextSteps?.join(" ");
  return (
    <details className="group rounded-md border border-amber-300 bg-amber-50 p-3 dark:border-amber-800 dark:bg-amber-950" data-testid="how-did-it-go">
      <summary className="cursor-pointer list-none text-sm marker:hidden">
        <span className="font-medium text-amber-950 dark:text-amber-100">
          <span aria-hidden className="mr-1 inline-block transition-transform group-open:rotate-90">
            ▸
          </span>
          How did round {number} go?
        </span>{" "}
        <span className="text-amber-900 dark:text-amber-200">No signals noted yet: a minute now keeps the advice right.</span>
      </summary>
      <form action={formAction} noValidate className="mt-3 space-y-3">
        <FormMessage message={state.message} answer={state} />
        {Object.entries(keptValues(values)).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="applicationId" value={applicationId} />
        <input type="hidden" name="roundId" value={roundId} />
        <OutcomeField value={v.outcome} errors={errors.outcome} idPrefix={prefix} className="input sm:w-auto" />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800 dark:text-slate-200">What did they signal?</legend>
          <ul className="grid gap-2 sm:grid-cols-2">
            {SIGNALS.filter((s) => s.group === "indicator").map((s) => (
              <li key={s.key} className="flex items-start gap-2 text-sm">
                <input id={`${prefix}-${s.key}`} name={`signal.${s.key}`} type="checkbox" defaultChecked={v[`signal.${s.key}`] === "on"} className={`mt-0.5 ${box}`} />
                <label htmlFor={`${prefix}-${s.key}`}>{s.label}</label>
              </li>
            ))}
            <li className="flex items-start gap-2 text-sm">
              <input id={`${prefix}-none`} name="noNextSteps" type="checkbox" defaultChecked={v.noNextSteps === "on"} className={`mt-0.5 ${box}`} />
              <label htmlFor={`${prefix}-none`}>No next steps were given</label>
            </li>
          </ul>
        </fieldset>
        <Field name="hiringTimelineOn" label="Decision date, if they gave one" errors={timelineError ? [timelineError] : undefined} idPrefix={prefix}>
          {(p) => <input {...p} type="date" defaultValue={v.hiringTimelineOn} className="input sm:w-auto" />}
        </Field>
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton pendingText="Saving…" accessibleLabel={`Save how round ${number} went`}>
            Save
          </SubmitButton>
          <Link href={`/applications/${applicationId}/rounds/${roundId}/edit`} className="text-sm text-brand-700 underline underline-offset-2 dark:text-brand-300">
            More detail: what it covered, notes
          </Link>
        </div>
      </form>
    </details>
  );
}
