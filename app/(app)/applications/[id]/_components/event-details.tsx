import type { EventView } from "@/lib/data/events";
import { formatSalary } from "@/lib/applications/labels";
import type { DateFormat } from "@/lib/time/formats";

/** A reply's "they said by" date, or an offer's terms, as one short line each; nothing for other events. */
export function EventDetails({ event, formats }: { event: EventView; formats: DateFormat }) {
  const money = (n: number | null) => (n === null ? null : formatSalary({ salaryMin: n, salaryMax: null, salaryCurrency: event.offerCurrency, salaryPeriod: null }));
  const lines = [
    event.saidBy ? `They said by ${formats.calendarDate(event.saidBy)}` : null,
    event.offerBase !== null ? `Base ${money(event.offerBase)}` : null,
    event.offerBonus !== null ? `Bonus ${money(event.offerBonus)}` : null,
    event.offerEquity ? `Equity ${event.offerEquity}` : null,
    event.offerStartOn ? `Starts ${formats.calendarDate(event.offerStartOn)}` : null,
    event.offerAnswerBy ? `Answer by ${formats.calendarDate(event.offerAnswerBy)}` : null,
  ].filter((l): l is string => l !== null);
  if (lines.length === 0 && !event.offerNotes) return null;
  return (
    <>
      {lines.length ? <p className="text-sm text-slate-800 dark:text-slate-200">{lines.join(" · ")}</p> : null}
      {event.offerNotes ? <p className="text-sm whitespace-pre-wrap text-slate-800 dark:text-slate-200">{event.offerNotes}</p> : null}
    </>
  );
}
