import { looksLikeFormula } from "@/lib/export/csv";
import { applicationSchema, type ApplicationInput } from "@/lib/validation/application";
import { APPLICATION_NOTES_MAX } from "@/lib/validation/limits";
import type { RoundInput } from "@/lib/validation/round";
import { SALARY_PERIODS, WORK_MODES, type ApplicationStatus, type SalaryPeriod, type WorkMode } from "@/lib/vocabulary";
import { dateToInstant, parseImportDate, type ParsedDate, type SlashOrder } from "./dates";
import { FIELD_LABELS, headerKey, type ColumnTarget, type ImportField } from "./fields";
import { emptyRound, historyToTimeline, parseContacts, parseStageHistory, type ImportedEvent, type Person } from "./history";
import { htmlToPlainText } from "./html-text";
import { guessPeriod, parseSalary } from "./salary";
import { stageKey } from "./status-map";

/** An application as it will be saved, with the history the file gave it. */
export type Candidate = {
  line: number;
  application: ApplicationInput;
  archived: boolean;
  createdAt: Date | null;
  rounds: RoundInput[];
  events: ImportedEvent[];
};
/** A row that can't be saved names its job as far as the file does, so the preview can show which one it is. */
export type RowResult = { ok: true; candidate: Candidate } | { ok: false; line: number; messages: string[]; company: string; roleTitle: string };

export type RowContext = {
  header: string[];
  mapping: readonly ColumnTarget[];
  /** Stage name (by stageKey) → status, as the user left the status mapping. */
  statuses: ReadonlyMap<string, ApplicationStatus>;
  slashOrder: SlashOrder;
  defaultStatus: ApplicationStatus | null;
  source: string | null;
  timeZone: string;
  now: Date;
};

const TRUE_WORDS = new Set(["yes", "y", "true", "1", "x", "ja", "archived"]);
const FALSE_WORDS = new Set(["", "no", "n", "false", "0", "nein", "-"]);
const NOTES_NAMES = new Set(["notes", "note", "notizen", "comments", "comment", "bemerkungen"]);
/** What exports write in an empty cell. */
const NOTHING = new Set(["-", "–", "—", "n/a", "na", "null", "none", "undefined"]);

/** "jobType" and "job_type" read "Job type" above a note. */
const columnLabel = (header: string) => {
  const key = headerKey(header);
  return key ? key[0].toUpperCase() + key.slice(1) : header;
};

/**
 * Values a spreadsheet would run as a formula are exported with a leading
 * apostrophe (lib/export/csv.ts); take it off again, by the same test, so
 * every value it guarded (" =1", full-width "＝1") comes back as it was.
 */
const unguard = (value: string) => (value.startsWith("'") && looksLikeFormula(value.slice(1)) ? value.slice(1) : value);

function workModeOf(value: string): WorkMode | undefined {
  const key = value.toLowerCase().replace(/[^a-z]/g, "");
  if (!key) return undefined;
  if ((WORK_MODES as readonly string[]).includes(key)) return key as WorkMode;
  if (/remote|wfh|homeoffice/.test(key)) return "remote";
  if (/hybrid/.test(key)) return "hybrid";
  if (/onsite|office|inperson|vorort/.test(key)) return "onsite";
  return undefined;
}

function periodOf(value: string): SalaryPeriod | undefined {
  const key = value.toLowerCase().replace(/[^a-z]/g, "");
  if ((SALARY_PERIODS as readonly string[]).includes(key)) return key as SalaryPeriod;
  if (/week|wk/.test(key)) return "week";
  if (/day|daily|diem/.test(key)) return "day";
  if (/year|annual|annum|yr|pa/.test(key)) return "year";
  if (/month|mo/.test(key)) return "month";
  if (/hour|hr|^h$/.test(key)) return "hour";
  return undefined;
}

function excitementOf(value: string): number | undefined | null {
  const text = value.trim();
  if (!text || text === "-" || text === "0") return undefined;
  const stars = [...text].filter((c) => c === "★" || c === "⭐").length;
  if (stars) return Math.min(5, stars);
  const n = Number(text.replace(",", "."));
  if (!Number.isFinite(n)) return null;
  return Math.min(5, Math.max(1, Math.round(n)));
}

function postingUrlOf(value: string): string | undefined {
  const text = value.trim();
  if (!text || text === "-") return undefined;
  // "linkedin.com/jobs/view/1": a link pasted without its scheme.
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : /^[\w-]+(\.[\w-]+)+(\/|$)/.test(text) ? `https://${text}` : text;
}

/** Reads one row of the file as an application, or says what is wrong with it, field by field. */
export function rowToCandidate(line: number, cells: string[], ctx: RowContext): RowResult {
  const problems: string[] = [];
  const notes: string[] = [];
  const values = new Map<ImportField, string>();
  const dateOf = (field: ImportField, raw: string): ParsedDate | null => {
    const parsed = parseImportDate(raw, ctx.slashOrder, ctx.timeZone);
    if (parsed.ok) return parsed.value;
    problems.push(`${FIELD_LABELS[field]} “${raw.trim()}” isn't a date Shortlist can read.`);
    return null;
  };

  ctx.mapping.forEach((target, i) => {
    if (target === "ignore") return;
    const raw = unguard((cells[i] ?? "").trim());
    const value = NOTHING.has(raw.toLowerCase()) ? "" : raw;
    if (target === "notes" || target === "description") {
      const text = target === "description" ? htmlToPlainText(value) : value;
      if (!text) return;
      const name = ctx.header[i];
      if (target === "description") notes.push(`Description:\n${text}`);
      else notes.push(NOTES_NAMES.has(headerKey(name)) ? text : `${columnLabel(name)}: ${text}`);
      return;
    }
    values.set(target, value);
  });
  const get = (field: ImportField) => values.get(field) ?? "";

  const stage = get("status");
  const mapped = stage ? ctx.statuses.get(stageKey(stage)) : undefined;
  const applied = get("appliedOn") ? dateOf("appliedOn", get("appliedOn")) : null;
  const added = get("addedOn") ? dateOf("addedOn", get("addedOn")) : null;

  const salary: Partial<ApplicationInput> = {};
  const salaryText = get("salary");
  if (salaryText) {
    const parsed = parseSalary(salaryText);
    if (!parsed.ok) problems.push(`Salary “${salaryText}” ${parsed.message}`);
    else if (parsed.value && !parsed.value.currency && !get("salaryCurrency")) {
      // A figure with no currency can't be saved as a salary; keep it, word for word, in the notes.
      notes.push(`Salary: ${salaryText}`);
    } else if (parsed.value) {
      Object.assign(salary, {
        salaryMin: parsed.value.min,
        salaryMax: parsed.value.max,
        salaryCurrency: parsed.value.currency ?? get("salaryCurrency"),
        salaryPeriod: parsed.value.period ?? periodOf(get("salaryPeriod")) ?? guessPeriod(parsed.value.max),
      });
    }
  }
  for (const [field, key] of [["salaryMin", "salaryMin"], ["salaryMax", "salaryMax"]] as const) {
    const raw = get(field);
    if (!raw) continue;
    const parsed = parseSalary(raw);
    if (!parsed.ok) problems.push(`${FIELD_LABELS[field]} “${raw}” ${parsed.message}`);
    else if (parsed.value) salary[key] = field === "salaryMin" ? parsed.value.min : parsed.value.max;
  }
  if ((salary.salaryMin !== undefined || salary.salaryMax !== undefined) && !salary.salaryCurrency) {
    const currency = get("salaryCurrency");
    if (currency) salary.salaryCurrency = currency;
    else {
      notes.push(`Salary: ${[get("salaryMin"), get("salaryMax")].filter(Boolean).join(" – ")}`);
      delete salary.salaryMin;
      delete salary.salaryMax;
    }
  }
  if ((salary.salaryMin !== undefined || salary.salaryMax !== undefined) && !salary.salaryPeriod) {
    salary.salaryPeriod = periodOf(get("salaryPeriod")) ?? guessPeriod(salary.salaryMax ?? salary.salaryMin ?? 0);
  }

  const excitement = excitementOf(get("excitement"));
  if (excitement === null) problems.push(`Excitement “${get("excitement")}” isn't a number from 1 to 5.`);

  // Stage history and the people met, where the file has them.
  let history: ReturnType<typeof historyToTimeline> | null = null;
  const people: Person[] = get("contacts") ? parseContacts(get("contacts")) : [];
  const historyText = get("stageHistory");
  if (historyText) {
    const { entries, unreadable } = parseStageHistory(historyText, ctx.slashOrder, ctx.timeZone);
    if (unreadable.length) problems.push(`Stage history: “${unreadable[0]}” needs a stage and a readable date, like applied:2024-03-01.`);
    history = historyToTimeline(
      entries.map((e) => ({ ...e, status: ctx.statuses.get(stageKey(e.label)) ?? "applied" })),
      people,
      ctx.timeZone,
      ctx.now,
    );
    if (history.skipped.length) notes.push(`Stage history not added to the timeline: ${history.skipped.join(", ")}`);
  }
  const rounds: RoundInput[] = history?.rounds ?? [];
  const interview = get("interviewAt") ? dateOf("interviewAt", get("interviewAt")) : null;
  if (interview) {
    const at = dateToInstant(interview, ctx.timeZone);
    if (at) rounds.push({ ...emptyRound("first", at), newInterviewers: history ? [] : people });
  }
  if (people.length && rounds.length === 0) {
    notes.push(`Contacts: ${people.map((p) => [p.name, p.email && `<${p.email}>`, p.title && `(${p.title})`].filter(Boolean).join(" ")).join("; ")}`);
  }

  const archivedText = get("archived").toLowerCase();
  const archived = TRUE_WORDS.has(archivedText) || (!FALSE_WORDS.has(archivedText) && parseImportDate(archivedText, ctx.slashOrder, ctx.timeZone).ok);

  const hasProcess = Boolean(applied) || rounds.length > 0 || (history?.events.length ?? 0) > 0;
  const status: ApplicationStatus =
    mapped ?? history?.status ?? ctx.defaultStatus ?? (hasProcess ? (rounds.length ? "interviewing" : "applied") : "saved");

  const text = notes.join("\n\n");
  const draft = {
    company: get("company"),
    roleTitle: get("roleTitle"),
    location: get("location"),
    workMode: workModeOf(get("workMode")),
    postingUrl: postingUrlOf(get("postingUrl")),
    source: get("source") || ctx.source || undefined,
    ...salary,
    status,
    // A tracker with no applied-date column (Huntr) still says when the job was added: past "saved", that is the best date there is.
    // A file that has the column and leaves it blank means no date (a Shortlist CSV of an application logged without one).
    appliedOn: applied?.date ?? history?.appliedOn ?? (status !== "saved" && !ctx.mapping.includes("appliedOn") ? added?.date : undefined) ?? undefined,
    excitement: excitement ?? undefined,
    notes: text.length > APPLICATION_NOTES_MAX ? `${text.slice(0, APPLICATION_NOTES_MAX - 1)}…` : text,
  };
  const parsed = applicationSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const shown = field in draft ? String(draft[field as keyof typeof draft] ?? "") : "";
      problems.push(field === "company" || field === "roleTitle" || !shown ? issue.message : `${issue.message.replace(/\.$/, "")} (“${shown.slice(0, 60)}”).`);
    }
  }
  if (problems.length || !parsed.success) return { ok: false, line, messages: problems, company: draft.company.slice(0, 120), roleTitle: draft.roleTitle.slice(0, 120) };
  return {
    ok: true,
    candidate: {
      line,
      application: parsed.data,
      archived,
      createdAt: added ? dateToInstant(added, ctx.timeZone) : null,
      rounds,
      events: history?.events ?? [],
    },
  };
}
