import Link from "next/link";
import { percent, type CvVersionOutcome } from "@/lib/analytics/cv-versions";
import { captionClass, cellClass, headClass, SmallSample, tableClass } from "./chart-table";

/** Answer and interview rates per CV version sent, with how many applications each figure rests on. */
export function CvVersionsSection({ versions }: { versions: CvVersionOutcome[] }) {
  return (
    <section aria-labelledby="cv-versions-heading" className="card p-4 sm:p-6">
      <h2 id="cv-versions-heading" className="text-lg font-semibold">
        Outcomes by CV version
      </h2>
      <p className="mt-1 mb-4 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        For each version of your CV you recorded as sent, the share of those applications that got an answer (a reply,
        a rejection, an offer or an interview) and the share that reached an interview. Versions sent with fewer than 5
        applications are marked as a small sample.
      </p>
      {versions.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="cv-versions-empty">
          No CV is recorded as sent yet. Upload your CV in{" "}
          <Link href="/documents" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Documents
          </Link>
          , then attach the version you sent on each application&apos;s page.
        </p>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Outcomes by CV version, table">
          <table className={tableClass} data-testid="cv-versions-table">
            <caption className={`${captionClass} max-sm:max-w-[calc(100vw-5.5rem)]`}>Answer and interview rates by CV version sent</caption>
            <thead>
              <tr>
                <th scope="col" className={headClass}>CV version</th>
                <th scope="col" className={headClass}>Sent with</th>
                <th scope="col" className={headClass}>Answered</th>
                <th scope="col" className={headClass}>Interviewed</th>
              </tr>
            </thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.versionId}>
                  <th scope="row" className={`${cellClass} font-medium`}>
                    <bdi>{v.label}</bdi>
                  </th>
                  <td className={cellClass}>
                    {v.n}
                    {v.smallSample ? <SmallSample /> : null}
                  </td>
                  <td className={cellClass}>
                    {percent(v.answered, v.n)}% <span className="text-slate-600 dark:text-slate-400">({v.answered} of {v.n})</span>
                  </td>
                  <td className={cellClass}>
                    {percent(v.interviewed, v.n)}% <span className="text-slate-600 dark:text-slate-400">({v.interviewed} of {v.n})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
