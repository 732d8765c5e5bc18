// The Shortlist fields a column of a file can fill, and the guesses made
// from a column's name when the file's format is not one Shortlist knows.

export const IMPORT_FIELDS = [
  "company",
  "roleTitle",
  "status",
  "appliedOn",
  "addedOn",
  "postingUrl",
  "location",
  "workMode",
  "source",
  "salary",
  "salaryMin",
  "salaryMax",
  "salaryCurrency",
  "salaryPeriod",
  "excitement",
  "notes",
  "description",
  "contacts",
  "stageHistory",
  "interviewAt",
  "archived",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** A column's place in the mapping: a field, or left out. */
export type ColumnTarget = ImportField | "ignore";

export const FIELD_LABELS: Record<ImportField, string> = {
  company: "Company",
  roleTitle: "Role title",
  status: "Status",
  appliedOn: "Applied date",
  addedOn: "Date added to your tracker (the applied date, when there is none)",
  postingUrl: "Job posting URL",
  location: "Location",
  workMode: "Work mode (remote, hybrid, on-site)",
  source: "Source",
  salary: "Salary (a range such as 90k–110k USD)",
  salaryMin: "Minimum salary",
  salaryMax: "Maximum salary",
  salaryCurrency: "Salary currency",
  salaryPeriod: "Pay period",
  excitement: "Excitement (1–5)",
  notes: "Notes",
  description: "Job description (HTML or text, added to notes)",
  contacts: "Contacts (people met)",
  stageHistory: "Stage history (stage:date; …)",
  interviewAt: "Interview date",
  archived: "Archived (yes/no or a date)",
};

/** Fields that several columns may fill: their texts are joined, each under its column's name. */
export const MULTI_COLUMN_FIELDS: readonly ImportField[] = ["notes", "description"];
/** Without these no row can be saved. */
export const REQUIRED_FIELDS: readonly ImportField[] = ["company", "roleTitle"];

/** "Job Title", "job_title" and "jobTitle" all read "job title". */
export const headerKey = (header: string) =>
  header
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .replace(/[_\-./]+/g, " ")
    .replace(/[^\p{L}\p{N} ]/gu, "")
    .replace(/\s+/g, " ")
    .trim();

// Names seen in trackers' and spreadsheets' exports (English and German), by field.
const GUESSES: [ImportField, string[]][] = [
  ["company", ["company", "company name", "employer", "organization", "organisation", "firma", "unternehmen", "arbeitgeber"]],
  ["roleTitle", ["role", "role title", "title", "job title", "job", "position", "job position", "stelle", "stellenbezeichnung", "job name"]],
  ["status", ["status", "stage", "list", "list name", "status name", "state", "column", "pipeline stage"]],
  ["appliedOn", ["applied", "applied on", "applied at", "applied date", "date applied", "application date", "beworben am", "bewerbungsdatum", "stage date"]],
  ["addedOn", ["created", "created at", "added", "added at", "added on", "date added", "saved date", "date saved", "erstellt am", "created on"]],
  ["postingUrl", ["url", "link", "job url", "job link", "posting", "posting url", "job posting", "job posting url", "listing url"]],
  ["location", ["location", "city", "ort", "place", "standort", "job location"]],
  ["workMode", ["work mode", "workplace", "workplace type", "remote", "remote type", "arbeitsmodell", "work type"]],
  ["source", ["source", "job source", "via", "found on", "found via", "channel", "quelle"]],
  ["salary", ["salary", "salary range", "compensation", "pay", "pay range", "gehalt"]],
  ["salaryMin", ["min salary", "salary min", "minimum salary", "salary from"]],
  ["salaryMax", ["max salary", "salary max", "maximum salary", "salary to"]],
  ["salaryCurrency", ["currency", "salary currency"]],
  ["salaryPeriod", ["pay period", "salary period", "salary pay period", "period"]],
  ["excitement", ["excitement", "excitement rating", "excitement level", "excitement score", "rating", "my rating", "star rating", "stars", "interest", "interest level", "priority", "enthusiasm", "how excited"]],
  ["notes", ["notes", "note", "comments", "comment", "notizen", "bemerkungen"]],
  ["description", ["description", "html description", "job description", "details"]],
  ["contacts", ["contacts", "contact", "people", "interviewers", "contact person"]],
  ["stageHistory", ["stage history", "history", "status history"]],
  ["interviewAt", ["interview", "interview date", "interview at", "gespräch am", "interview on", "next interview"]],
  ["archived", ["archived", "archived at", "archived on", "is archived"]],
];
const GUESS_BY_KEY = new Map(GUESSES.flatMap(([field, names]) => names.map((name) => [name, field] as const)));
/** Words that name a field in any column name that holds them ("Excitement (1-5)", "Job excitement"). */
const TELLING_WORDS: [ImportField, RegExp][] = [["excitement", /\b(?:excitement|excited|enthusiasm)\b/]];

const guessField = (name: string): ImportField | undefined => {
  const key = headerKey(name);
  return GUESS_BY_KEY.get(key) ?? TELLING_WORDS.find(([, words]) => words.test(key))?.[0];
};

/**
 * A first mapping for an unknown file: each column whose name is a known
 * alias gets that field; a field only one column can fill goes to the first
 * such column and later ones are left out. Everything else is ignored.
 */
export function guessMapping(header: string[]): ColumnTarget[] {
  const taken = new Set<ImportField>();
  return header.map((name) => {
    const field = guessField(name);
    if (!field || (taken.has(field) && !MULTI_COLUMN_FIELDS.includes(field))) return "ignore";
    taken.add(field);
    return field;
  });
}

export type MappingProblem = { column: number | null; message: string };

/** What stops a mapping from being used, each tied to the column to change (null: the mapping as a whole). */
export function mappingProblems(header: string[], mapping: readonly ColumnTarget[]): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const seen = new Map<ImportField, number>();
  mapping.forEach((target, column) => {
    if (target === "ignore") return;
    const earlier = seen.get(target);
    if (earlier !== undefined && !MULTI_COLUMN_FIELDS.includes(target)) {
      problems.push({ column, message: `“${header[earlier]}” already fills ${FIELD_LABELS[target]}: choose another field or “Leave out”.` });
    }
    seen.set(target, column);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!seen.has(field)) problems.push({ column: null, message: `Choose the column that holds the ${FIELD_LABELS[field].toLowerCase()}: every application needs one.` });
  }
  return problems;
}
