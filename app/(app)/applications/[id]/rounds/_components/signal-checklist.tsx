"use client";

import { useState } from "react";
import { ARTICLE_TITLE, SIGNALS, type SignalGroup } from "@/lib/interviews/catalog";

type Props = {
  values: Record<string, string | undefined>;
  errors: Record<string, string[] | undefined>;
};

function errorText(errors: Props["errors"], prefix: string): string | undefined {
  const found = Object.entries(errors)
    .filter(([key]) => key === prefix || key.startsWith(`${prefix}.`))
    .flatMap(([, list]) => list ?? []);
  return found.length ? found.join(" ") : undefined;
}

function SignalGroupList({ group, values, errors }: Props & { group: SignalGroup }) {
  // The decision date only counts with its tick, so it is editable only then.
  const [timelineTicked, setTimelineTicked] = useState(values["signal.hiring_timeline"] === "on");
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {SIGNALS.filter((s) => s.group === group).map((s) => {
        const id = `signal-${s.key}`;
        const isTimeline = s.key === "hiring_timeline";
        const dateError = isTimeline ? errors.hiringTimelineOn?.join(" ") : undefined;
        return (
          <li key={s.key} className="rounded-md border border-slate-200 dark:border-slate-700 p-3">
            <div className="flex items-start gap-2">
              <input
                id={id}
                name={`signal.${s.key}`}
                type="checkbox"
                defaultChecked={values[`signal.${s.key}`] === "on"}
                onChange={isTimeline ? (e) => setTimelineTicked(e.target.checked) : undefined}
                aria-describedby={`${id}-about`}
                className="mt-0.5 size-4 shrink-0 accent-brand-600 dark:accent-brand-400"
              />
              <div className="min-w-0">
                <label htmlFor={id} className="text-sm font-medium text-slate-900 dark:text-slate-100">
                  {s.label}
                </label>
                <p id={`${id}-about`} className="text-xs text-slate-600 dark:text-slate-400">
                  {s.explanation} <cite className="not-italic text-slate-500 dark:text-slate-400">From “{s.section}”.</cite>
                </p>
              </div>
            </div>
            {isTimeline ? (
              <div className="mt-2 pl-6">
                <label htmlFor="field-hiringTimelineOn" className="block text-xs font-medium text-slate-800 dark:text-slate-200">
                  They expect to decide by
                </label>
                <input
                  id="field-hiringTimelineOn"
                  name="hiringTimelineOn"
                  type="date"
                  className="input mt-1 disabled:bg-slate-100 dark:disabled:bg-slate-800 disabled:text-slate-500 dark:disabled:text-slate-400"
                  disabled={!timelineTicked}
                  defaultValue={values.hiringTimelineOn}
                  aria-invalid={dateError ? true : undefined}
                  aria-describedby={dateError ? "field-hiringTimelineOn-error" : undefined}
                />
                {dateError ? (
                  <p id="field-hiringTimelineOn-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
                    {dateError}
                  </p>
                ) : null}
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** The catalog's signals as a checklist, each with what it means and where the idea comes from. */
export function SignalChecklist({ values, errors }: Props) {
  const signalError = errorText(errors, "signals");
  const customError = errors.customSignals?.join(" ");
  const noNextStepsError = errors.noNextSteps?.join(" ");
  return (
    <>
      <fieldset className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">Positive signs from the interviewer</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Tick what you noticed. Each sign is encouraging, not a promise; the ideas come from the article “{ARTICLE_TITLE}”.
        </p>
        <SignalGroupList group="indicator" values={values} errors={errors} />
        <div className="flex items-start gap-2 pt-1">
          <input
            id="field-noNextSteps"
            name="noNextSteps"
            type="checkbox"
            defaultChecked={values.noNextSteps === "on"}
            aria-invalid={noNextStepsError ? true : undefined}
            aria-describedby={noNextStepsError ? "field-noNextSteps-hint field-noNextSteps-error" : "field-noNextSteps-hint"}
            className="mt-0.5 size-4 shrink-0 accent-brand-600 dark:accent-brand-400"
          />
          <div>
            <label htmlFor="field-noNextSteps" className="text-sm font-medium text-slate-900 dark:text-slate-100">
              No next steps were given
            </label>
            <p id="field-noNextSteps-hint" className="text-xs text-slate-600 dark:text-slate-400">
              Worth recording too: without a stated timeline, a polite follow-up after a week is the way to find out.
            </p>
            {noNextStepsError ? (
              <p id="field-noNextSteps-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
                {noNextStepsError}
              </p>
            ) : null}
          </div>
        </div>
      </fieldset>

      <fieldset className="space-y-3 border-t border-slate-200 pt-4 dark:border-slate-700">
        <legend className="px-1 text-sm font-semibold text-slate-900 dark:text-slate-100">What the round covered</legend>
        <SignalGroupList group="covered" values={values} errors={errors} />
        {signalError ? <p className="text-sm text-red-700 dark:text-red-300">{signalError}</p> : null}
        <div>
          <label htmlFor="field-customSignals" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
            Your own signals (optional)
          </label>
          <textarea
            id="field-customSignals"
            name="customSignals"
            rows={3}
            className="input mt-1"
            defaultValue={values.customSignals}
            placeholder={"Asked when I could start\nShowed me the office"}
            aria-invalid={customError ? true : undefined}
            aria-describedby={customError ? "field-customSignals-hint field-customSignals-error" : "field-customSignals-hint"}
          />
          <p id="field-customSignals-hint" className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            One per line, up to 10. Kept with the round for your own reading.
          </p>
          {customError ? (
            <p id="field-customSignals-error" className="mt-1 text-sm text-red-700 dark:text-red-300">
              {customError}
            </p>
          ) : null}
        </div>
      </fieldset>
    </>
  );
}
