import { STATUS_LABELS } from "@/lib/applications/labels";
import { plural } from "@/lib/text/plural";
import { FIELD_LABELS, IMPORT_FIELDS } from "./fields";
import type { ImportSummary } from "./summary";

/** Counts as the import page and the command line write them: "1,234 rows". */
export const n = (value: number) => value.toLocaleString("en-US");

/** The counts line, worded as the import page words it. */
export const countsLine = (s: ImportSummary) =>
  `${plural(s.counts.fresh, "new application")} · ${plural(s.counts.duplicates, "duplicate")} · ${n(s.counts.problems)} with problems`;

/**
 * What the import page shows, as lines for a terminal: the format, the
 * column mapping when it needs a look, the stages and their statuses, the
 * counts, then every problem and duplicate by line.
 */
export function summaryLines(s: ImportSummary): string[] {
  const lines: string[] = [];
  lines.push(s.format ? `Recognised as a ${s.format.label}.` : "Shortlist doesn't know this file's layout; the columns are read as guessed from their names.");
  if (s.kind === "csv" && (!s.format || s.mappingProblems.length)) {
    lines.push("", "Columns:");
    s.header.forEach((name, i) => {
      const target = s.mapping[i];
      const example = s.samples[i]?.length ? `   e.g. ${s.samples[i].join(" · ")}` : "";
      lines.push(`  ${name} → ${target === "ignore" ? "(left out)" : `${target} (${FIELD_LABELS[target]})`}${example}`);
    });
    for (const p of s.mappingProblems) lines.push(`  ! ${p.column === null ? "" : `${s.header[p.column]}: `}${p.message}`);
    if (s.mappingProblems.length) {
      lines.push(`Choose with --map "Column=field", once per column. Fields: ${IMPORT_FIELDS.join(", ")}, ignore.`);
    }
  }
  if (s.stages.length) {
    lines.push("", "Stages → statuses (change with --status \"Stage=status\"):");
    for (const stage of s.stages) lines.push(`  ${stage.label} (${n(stage.rows)}) → ${STATUS_LABELS[stage.status]}${stage.known ? "" : "   (a guess: check it)"}`);
  }
  lines.push("", countsLine(s), `${plural(s.counts.rows, s.kind === "csv" ? "row" : "application")} in the file.`);
  const word = s.kind === "csv" ? "Line" : "Application";
  if (s.problems.length) {
    lines.push("", `${plural(s.counts.problems, "row")} won't be imported:`);
    for (const p of s.problems) lines.push(`  ${word} ${p.line}: ${p.messages.join(" ")}`);
    if (s.counts.problems > s.problems.length) lines.push(`  …and ${n(s.counts.problems - s.problems.length)} more.`);
  }
  if (s.duplicates.length) {
    lines.push("", "Duplicates:");
    for (const d of s.duplicates) lines.push(`  ${word} ${d.line}: ${d.reason}`);
    if (s.counts.duplicates > s.duplicates.length) lines.push(`  …and ${n(s.counts.duplicates - s.duplicates.length)} more.`);
  }
  return lines;
}
