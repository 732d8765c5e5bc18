import Link from "next/link";
import { moneyText, totalCash } from "@/lib/applications/offer-terms-text";
import type { OpenOffer } from "@/lib/data/offer-terms";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { DAY_MS } from "@/lib/time/units";
import { localDate } from "@/lib/time/zoned";

type Props = { offers: OpenOffer[]; now: Date; dates: DateStyle };

const NOT_GIVEN = <span className="text-slate-600 dark:text-slate-400">Not recorded</span>;

/** Whole days from today to a calendar date, in the user's zone. */
function daysUntil(isoDate: string, now: Date, zone: string): number {
  return Math.round((Date.parse(isoDate) - Date.parse(localDate(now, zone))) / DAY_MS);
}

function Deadline({ answerBy, now, dates }: { answerBy: string | null; now: Date; dates: DateStyle }) {
  if (!answerBy) return NOT_GIVEN;
  const days = daysUntil(answerBy, now, dates.zone);
  const left = days < 0 ? `passed ${-days} ${-days === 1 ? "day" : "days"} ago` : days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
  return (
    <>
      {formatsFor(dates).calendarDay(answerBy)} <span className={days <= 1 ? "font-semibold text-red-800 dark:text-red-300" : "text-slate-700 dark:text-slate-300"}>({left})</span>
    </>
  );
}

function Stars({ excitement }: { excitement: number | null }) {
  if (!excitement) return NOT_GIVEN;
  return (
    <>
      <span aria-hidden className="text-amber-700 dark:text-amber-400">
        {"★".repeat(excitement)}
        <span className="text-slate-300 dark:text-slate-600">{"★".repeat(5 - excitement)}</span>
      </span>
      <span className="sr-only">{excitement} out of 5</span>
    </>
  );
}

/**
 * Open offers side by side: one column per offer, one row per term, so a
 * row reads across as a comparison. On a phone the table scrolls sideways
 * with the term names held in place.
 */
export function OfferTable({ offers, now, dates }: Props) {
  const f = formatsFor(dates);
  const money = (n: number | null, o: OpenOffer) => moneyText(n, o.terms.currency, dates.locale) ?? NOT_GIVEN;
  const rows: [string, (o: OpenOffer) => React.ReactNode][] = [
    ["Answer by", (o) => <Deadline answerBy={o.terms.answerBy} now={now} dates={dates} />],
    ["Base", (o) => money(o.terms.base, o)],
    ["Bonus", (o) => money(o.terms.bonus, o)],
    ["Base and bonus", (o) => money(totalCash(o.terms), o)],
    ["Equity", (o) => o.terms.equity ?? NOT_GIVEN],
    ["Start date", (o) => (o.terms.startOn ? f.calendarDay(o.terms.startOn) : NOT_GIVEN)],
    ["Excitement", (o) => <Stars excitement={o.excitement} />],
    ["Offer received", (o) => f.mediumDate(o.receivedAt)],
    ["Notes", (o) => (o.terms.notes ? <span className="whitespace-pre-wrap">{o.terms.notes}</span> : NOT_GIVEN)],
  ];
  return (
    <div className="card overflow-x-auto" tabIndex={0} role="region" aria-labelledby="offers-table-caption">
      <table className="w-full min-w-[32rem] border-collapse text-sm" data-testid="offer-comparison">
        <caption id="offers-table-caption" className="sr-only">
          Your open offers, one column each
        </caption>
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <td className="sticky left-0 bg-white p-3 dark:bg-slate-900" />
            {offers.map((o) => (
              <th key={o.applicationId} scope="col" className="p-3 text-left align-bottom font-semibold" data-testid="offer-column">
                <Link href={`/applications/${o.applicationId}`} className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
                  {o.company}
                </Link>
                <span className="block font-normal text-slate-700 dark:text-slate-300">{o.roleTitle}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, cell]) => (
            <tr key={label} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
              <th scope="row" className="sticky left-0 bg-white p-3 text-left align-top font-medium text-slate-700 dark:bg-slate-900 dark:text-slate-300">
                {label}
              </th>
              {offers.map((o) => (
                <td key={o.applicationId} className="p-3 align-top text-slate-900 dark:text-slate-100">
                  {cell(o)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
