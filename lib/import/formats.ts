import type { SlashOrder } from "./dates";
import { guessMapping, headerKey, type ColumnTarget, type ImportField } from "./fields";
import type { ApplicationStatus } from "@/lib/vocabulary";

/**
 * The exports Shortlist recognises from their header, with what each column
 * means there (see shared/docs/import-formats.md). Real files vary, so
 * recognition looks for a few telling columns, not the whole header, and any
 * column the format does not name is left out unless the user maps it.
 */
export type KnownFormat = {
  id: string;
  /** A noun phrase that reads after "Recognised as a": "LinkedIn job applications export". */
  label: string;
  /** Header keys (see headerKey): the file must have one name from each list. Earlier formats are tried first. */
  requires: string[][];
  /** Column names, as header keys, and the field each fills. */
  columns: Record<string, ColumnTarget>;
  /** For slashed dates the file does not make unambiguous. */
  slashOrder: SlashOrder;
  /** The status of a row whose status column is missing or blank. */
  defaultStatus?: ApplicationStatus;
  /** What the Source field says when the file has no source column. */
  source?: string;
};

const any = (...names: string[]) => names;

export const KNOWN_FORMATS: KnownFormat[] = [
  {
    id: "shortlist-csv",
    label: "Shortlist CSV export",
    requires: [any("shortlist id"), any("company"), any("role")],
    columns: {
      company: "company",
      role: "roleTitle",
      status: "status",
      "applied on": "appliedOn",
      location: "location",
      "work mode": "workMode",
      "posting url": "postingUrl",
      source: "source",
      "salary min": "salaryMin",
      "salary max": "salaryMax",
      "salary currency": "salaryCurrency",
      "pay period": "salaryPeriod",
      excitement: "excitement",
      notes: "notes",
      archived: "archived",
      created: "addedOn",
    },
    slashOrder: "mdy",
  },
  {
    id: "linkedin-applications",
    label: "LinkedIn job applications export",
    requires: [any("application date"), any("company name"), any("job title"), any("job url", "resume name", "question and answers")],
    columns: {
      "application date": "appliedOn",
      "company name": "company",
      "job title": "roleTitle",
      "job url": "postingUrl",
      // The account holder's own email and phone, the same on every row: not the job's.
      "contact email": "ignore",
      "contact phone number": "ignore",
      "resume name": "notes",
      "question and answers": "notes",
    },
    slashOrder: "mdy",
    defaultStatus: "applied",
    source: "LinkedIn",
  },
  {
    id: "linkedin-saved",
    label: "LinkedIn saved jobs export",
    requires: [any("saved date"), any("job url"), any("job title"), any("company name")],
    columns: { "saved date": "addedOn", "job url": "postingUrl", "job title": "roleTitle", "company name": "company" },
    slashOrder: "mdy",
    defaultStatus: "saved",
    source: "LinkedIn",
  },
  {
    id: "huntr",
    label: "Huntr board export",
    requires: [any("list name", "list"), any("company name", "company", "employer"), any("title", "job title")],
    columns: {
      title: "roleTitle",
      "job title": "roleTitle",
      "company name": "company",
      company: "company",
      employer: "company",
      "list name": "status",
      list: "status",
      url: "postingUrl",
      location: "location",
      salary: "salary",
      "html description": "description",
      description: "description",
      "created at": "addedOn",
      "date applied": "appliedOn",
      notes: "notes",
    },
    slashOrder: "mdy",
  },
  {
    id: "teal",
    label: "Teal job tracker download",
    requires: [any("company name"), any("role"), any("status name", "status"), any("added at", "applied at", "min salary", "excitement")],
    columns: {
      "company name": "company",
      role: "roleTitle",
      location: "location",
      url: "postingUrl",
      excitement: "excitement",
      source: "source",
      "min salary": "salaryMin",
      "max salary": "salaryMax",
      "salary currency": "salaryCurrency",
      "salary pay period": "salaryPeriod",
      "added at": "addedOn",
      "applied at": "appliedOn",
      "archived at": "archived",
      "status name": "status",
      status: "status",
      notes: "notes",
    },
    slashOrder: "mdy",
  },
  {
    id: "reactive-resume",
    label: "Reactive Resume application tracker export",
    requires: [
      any("company", "employer", "organization"),
      any("role", "title", "position", "job title"),
      any("stage", "status"),
      any("stage history", "contacts", "tags", "archived", "stage date", "timeline"),
    ],
    columns: {
      company: "company",
      employer: "company",
      organization: "company",
      role: "roleTitle",
      title: "roleTitle",
      position: "roleTitle",
      "job title": "roleTitle",
      stage: "status",
      status: "status",
      "application date": "appliedOn",
      "applied date": "appliedOn",
      location: "location",
      salary: "salary",
      "salary range": "salary",
      compensation: "salary",
      source: "source",
      notes: "notes",
      note: "notes",
      url: "postingUrl",
      link: "postingUrl",
      "job url": "postingUrl",
      "job posting": "postingUrl",
      tags: "notes",
      contacts: "contacts",
      "stage history": "stageHistory",
      timeline: "notes",
      archived: "archived",
      "created at": "addedOn",
    },
    slashOrder: "mdy",
  },
  {
    id: "jobsync",
    label: "JobSync export",
    requires: [any("job title"), any("company"), any("status"), any("job source", "workplace type", "job type")],
    columns: {
      "created at": "addedOn",
      "applied date": "appliedOn",
      company: "company",
      "job title": "roleTitle",
      "job type": "notes",
      "workplace type": "workMode",
      location: "location",
      "job source": "source",
      status: "status",
    },
    slashOrder: "mdy",
  },
  {
    id: "jobhunter",
    label: "JobHunter export",
    requires: [any("firma"), any("stelle")],
    columns: {
      firma: "company",
      stelle: "roleTitle",
      ort: "location",
      status: "status",
      "beworben am": "appliedOn",
      "gespräch am": "interviewAt",
      "erstellt am": "addedOn",
      notizen: "notes",
    },
    slashOrder: "dmy",
  },
];

export type Recognised = { format: KnownFormat | null; mapping: ColumnTarget[] };

/** The format whose telling columns the header has, with its mapping; otherwise guesses from the column names. */
export function recogniseFormat(header: string[]): Recognised {
  const keys = header.map(headerKey);
  const present = new Set(keys);
  const format = KNOWN_FORMATS.find((f) => f.requires.every((names) => names.some((n) => present.has(n))));
  if (!format) return { format: null, mapping: guessMapping(header) };
  const taken = new Set<ImportField>();
  const mapping = keys.map((key): ColumnTarget => {
    const target = format.columns[key] ?? "ignore";
    // Two columns a format reads alike ("Title" and "Job Title"): the first one counts.
    if (target !== "ignore" && target !== "notes" && target !== "description") {
      if (taken.has(target)) return "ignore";
      taken.add(target);
    }
    return target;
  });
  return { format, mapping };
}
