import { z } from "zod";
import { guidanceSettingsSchema } from "@/lib/guidance/settings";
import { DAY_MS, MINUTE_MS } from "@/lib/time/units";
import { timeZoneField } from "@/lib/validation/fields";
import { APPLICATION_NOTES_MAX } from "@/lib/validation/limits";
import {
  APPLICATION_STATUSES,
  DOCUMENT_KINDS,
  EVENT_KINDS,
  HANDLED_STATES,
  REMINDER_CARRIES,
  ROUND_FORMATS,
  ROUND_KINDS,
  ROUND_OUTCOMES,
  SALARY_PERIODS,
  SIGNAL_KEYS,
  WORK_MODES,
} from "@/lib/vocabulary";

/**
 * Shortlist's own export: everything one account holds, in one file, so it
 * can move to another account or server with nothing lost. Ids are kept so
 * rounds can name the people met and steps the rounds they are about; an
 * import gives every row a new id. Bump the version when a change would
 * make an older Shortlist misread a file, and keep reading the old one.
 */
export const EXPORT_FORMAT = "shortlist-export";
export const EXPORT_VERSION = 1;

const instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const day = z.iso.date();
const text = (max: number) => z.string().max(max);
const id = z.string().min(1).max(100);

export const exportedRoundSchema = z.object({
  id,
  kind: z.enum(ROUND_KINDS),
  scheduledAt: instant,
  durationMinutes: z.number().int().positive().max(DAY_MS / MINUTE_MS).nullable(),
  format: z.enum(ROUND_FORMATS).nullable(),
  location: text(500).nullable(),
  outcome: z.enum(ROUND_OUTCOMES),
  notes: text(5000).nullable(),
  prepNotes: text(5000).nullable(),
  thankYouSentAt: instant.nullable(),
  noNextSteps: z.boolean(),
  signals: z.array(z.object({ signal: z.enum(SIGNAL_KEYS), onDate: day.nullable() })).max(SIGNAL_KEYS.length),
  customSignals: z.array(text(200)).max(50),
  people: z.array(id).max(50),
  createdAt: instant,
  updatedAt: instant,
});

export const exportedEventSchema = z.object({
  id,
  kind: z.enum(EVENT_KINDS),
  occurredAt: instant,
  note: text(2000).nullable(),
  statusBefore: z.enum(APPLICATION_STATUSES).nullable(),
  createdAt: instant,
});

export const exportedStepSchema = z.object({
  key: text(300).min(1),
  state: z.enum(HANDLED_STATES),
  until: instant.nullable(),
  updatedAt: instant,
});

export const exportedApplicationSchema = z.object({
  id,
  company: text(120).min(1),
  roleTitle: text(120).min(1),
  location: text(120).nullable(),
  workMode: z.enum(WORK_MODES).nullable(),
  postingUrl: text(2000).nullable(),
  source: text(80).nullable(),
  salaryMin: z.number().int().nonnegative().nullable(),
  salaryMax: z.number().int().nonnegative().nullable(),
  salaryCurrency: z.string().regex(/^[A-Z]{3}$/).nullable(),
  salaryPeriod: z.enum(SALARY_PERIODS).nullable(),
  status: z.enum(APPLICATION_STATUSES),
  appliedOn: day.nullable(),
  excitement: z.number().int().min(1).max(5).nullable(),
  notes: text(APPLICATION_NOTES_MAX).nullable(),
  archivedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
  /** When an import brought it into the account it was exported from; an import into another account sets its own. */
  importedAt: instant.nullable(),
  rounds: z.array(exportedRoundSchema),
  events: z.array(exportedEventSchema),
  steps: z.array(exportedStepSchema),
});

export const exportedPersonSchema = z.object({
  id,
  name: text(120).min(1),
  title: text(120).nullable(),
  email: text(254).nullable(),
  /** Which contact a name typed again is matched to (see lib/data/interviewers.ts). */
  matchKey: text(1000).min(1),
  createdAt: instant,
});

/** A file in a ZIP export: `path` names its entry; a JSON-only export lists the files without their bytes. */
export const exportedVersionSchema = z.object({
  id,
  number: z.number().int().positive(),
  fileName: text(200).min(1),
  mediaType: text(200).min(1),
  size: z.number().int().positive(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  path: text(400).min(1),
  createdAt: instant,
});

export const exportedDocumentSchema = z.object({
  id,
  kind: z.enum(DOCUMENT_KINDS),
  name: text(120).min(1),
  createdAt: instant,
  versions: z.array(exportedVersionSchema).min(1),
  /** Where each version was sent: an application of this export, and one of its rounds or none. */
  attachments: z.array(z.object({ versionId: id, applicationId: id, roundId: id.nullable(), createdAt: instant })),
});

const hour = z.number().int().min(0).max(23);

/** The account's reminder switches and hours. Its ntfy and webhook channels are left out: their tokens and secrets are keys, not data. */
const exportedReminderSettingsSchema = z.object({ emailOn: z.boolean(), emailCarries: z.enum(REMINDER_CARRIES), digestHour: hour, quietFrom: hour, quietUntil: hour });

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: instant,
  /** A zone this machine doesn't know is read as none rather than refusing the whole file. */
  account: z.object({ timeZone: timeZoneField.nullable().catch(null) }),
  /** Null when the account kept the recommended timings. A setting an older export lacks takes its default. */
  guidanceSettings: guidanceSettingsSchema.partial().nullable(),
  /** Null when the account kept the defaults; absent from exports made before reminders existed. */
  reminderSettings: exportedReminderSettingsSchema.nullable().optional(),
  people: z.array(exportedPersonSchema),
  applications: z.array(exportedApplicationSchema),
  /** The document library; absent from exports made before it existed. */
  documents: z.array(exportedDocumentSchema).optional(),
});

/** The application's own columns, the same in the table and the export; the rest (ids, instants, history) is converted. */
export const PLAIN_APPLICATION_FIELDS = [
  "company",
  "roleTitle",
  "location",
  "workMode",
  "postingUrl",
  "source",
  "salaryMin",
  "salaryMax",
  "salaryCurrency",
  "salaryPeriod",
  "status",
  "appliedOn",
  "excitement",
  "notes",
] as const satisfies readonly (keyof z.output<typeof exportedApplicationSchema>)[];

type PlainFields = Pick<z.output<typeof exportedApplicationSchema>, (typeof PLAIN_APPLICATION_FIELDS)[number]>;

export function plainFields(a: PlainFields): PlainFields {
  return Object.fromEntries(PLAIN_APPLICATION_FIELDS.map((f) => [f, a[f]])) as PlainFields;
}

export type ExportDocument = z.output<typeof exportDocumentSchema>;
export type ExportedApplication = z.output<typeof exportedApplicationSchema>;
export type ExportedDocument = z.output<typeof exportedDocumentSchema>;

/** The JSON document's entry in a ZIP export; the files sit beside it under files/. */
export const ZIP_JSON_ENTRY = "shortlist-export.json";
export const zipFilePath = (versionId: string, fileName: string) => `files/${versionId}/${fileName}`;
/** The document as written: instants as ISO strings. */
export type ExportDocumentJson = z.input<typeof exportDocumentSchema>;
