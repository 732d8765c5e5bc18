import type { Source } from "@/lib/guidance/rule-ids";

/**
 * Where a step's advice comes from, on one short line: the article's
 * section headings. Where Shortlist carries the advice past what the
 * article wrote it for, the note is one click away rather than a paragraph
 * under every step.
 */
export function SourceLine({ source }: { source: Source }) {
  return (
    <div className="mt-2 flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600 dark:text-slate-400" data-testid="source">
      <span>
        From “{source.sections.join("”, “")}” in <cite>{source.article}</cite>
      </span>
      {source.note ? (
        <details className="group">
          <summary className="cursor-pointer text-brand-700 underline underline-offset-2 dark:text-brand-300">How Shortlist applies it</summary>
          <p className="mt-1">{source.note}</p>
        </details>
      ) : null}
    </div>
  );
}
