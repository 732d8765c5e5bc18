// The same tables as db/schema/sqlite.ts, for Postgres: tests/unit/schema-parity.test.ts
// holds the two equal (columns, kinds, nullability, defaults, keys, indexes), and
// tests/unit/schema-types.test.ts their inferred types. Change both together; the
// column kinds that keep values equal on both engines are in ./postgres-columns.ts.
// The (id, user_id) keys the ownership foreign keys point at are unique
// constraints here, where SQLite has unique indexes: the same index, but
// drizzle-kit creates a constraint with its table, before the foreign keys
// that need it, and an index only after them. Foreign keys whose generated
// names pass Postgres' 63 characters are named.
import { relations, sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, pgTable, primaryKey, unique, uniqueIndex } from "drizzle-orm/pg-core";

import {
  APPLICATION_STATUSES,
  DOCUMENT_KINDS,
  EVENT_KINDS,
  DELIVERY_STATUSES,
  HANDLED_STATES,
  REMINDER_CARRIES,
  REMINDER_CHANNELS,
  REMINDER_KINDS,
  OWN_REMINDER_CHANNELS,
  ROUND_FORMATS,
  ROUND_KINDS,
  ROUND_OUTCOMES,
  SALARY_PERIODS,
  SIGNAL_KEYS,
  WORK_MODES,
} from "../../lib/vocabulary";
import { wholeSecondsNow } from "./defaults";
import { bytea, instant, instantMs, text } from "./postgres-columns";

// Times the app does not give are set by drizzle ($defaultFn), the same way on
// both engines; the SQL default is for rows written by hand (a shell, a test).
const createdAt = () =>
  instant("created_at").notNull().default(sql`date_trunc('second', now())`).$defaultFn(wholeSecondsNow);
const updatedAt = () =>
  instant("updated_at").notNull().default(sql`date_trunc('second', now())`).$defaultFn(wholeSecondsNow);
/**
 * The order rows were added in, for tie-breaks SQLite makes with its rowid:
 * Postgres-only (the parity tests list it), never written by the app.
 */
const insertionOrder = () => bigint("insertion_order", { mode: "number" }).notNull().generatedAlwaysAsIdentity();
/** A millisecond time that defaults to now. */
const msNow = (name: string) =>
  instantMs(name).notNull().default(sql`date_trunc('milliseconds', now())`).$defaultFn(() => new Date());

// ---------------------------------------------------------------- tables

export const users = pgTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  // Bumped by "sign out everywhere" and password changes; every session
  // carries the value it was issued with and dies when they differ.
  sessionVersion: integer("session_version").notNull().default(1),
  // IANA zone used to read and show interview times: the browser's at
  // sign-up. Null until known (accounts made before zones existed), and then
  // taken from the first device the user signs in on.
  timeZone: text("time_zone"),
  // How dates and times are written (lib/time/locale.ts). Null: follow the
  // browser. seen_locale is the browser's, last seen, for the calendar feed,
  // which has no browser to ask.
  locale: text("locale"),
  hourCycle: text("hour_cycle").$type<"h12" | "h23">(),
  seenLocale: text("seen_locale"),
  createdAt: createdAt(),
});

// Fixed-window counters of failed sign-ins, codes and sign-ups, keyed by a
// scope and what it counts ("pair:<email> <address>", "client:<address>"...;
// see lib/data/sign-in-throttle.ts). Rows expire by time; nothing here is permanent.
export const signInThrottle = pgTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: instantMs("window_started_at").notNull(),
  /** The latest failure counted: growing delays are measured from it (null on rows from before them). */
  lastFailedAt: instantMs("last_failed_at"),
});

/**
 * One row per signed-in device. The session cookie names its row, and every
 * request checks it, so deleting the row signs that device out at once.
 * Times are milliseconds: "last seen" is compared against the idle limit.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: instantMs("created_at").notNull(),
    lastSeenAt: instantMs("last_seen_at").notNull(),
    // As the browser sent it (cut to a bounded length); the device's name is
    // worked out from it when shown.
    userAgent: text("user_agent"),
    address: text("address"),
  },
  (t) => [index("sessions_user_idx").on(t.userId, t.lastSeenAt)],
);

/**
 * Personal access tokens for the API and the MCP server. Only an HMAC of the
 * token is kept (lib/auth/access-token.ts), so the database alone cannot be
 * used to call the API. "Sign out everywhere" and a password change delete
 * them all, with the sessions.
 */
export const accessTokens = pgTable(
  "access_tokens",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: text("scope").$type<"read" | "write">().notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: instantMs("created_at").notNull(),
    // Null: never expires.
    expiresAt: instantMs("expires_at"),
    lastUsedAt: instantMs("last_used_at"),
  },
  (t) => [index("access_tokens_user_idx").on(t.userId, t.createdAt)],
);

/**
 * A user's authenticator (TOTP). The secret is stored encrypted with a key
 * derived from the auth secret. `enabledAt` is null while set-up waits for
 * its first code; `lastUsedStep` is the time step of the last accepted code,
 * so no code is accepted twice.
 */
export const twoFactor = pgTable("two_factor", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  enabledAt: instantMs("enabled_at"),
  lastUsedStep: integer("last_used_step"),
  createdAt: instantMs("created_at").notNull(),
});

/** One-time recovery codes, stored as SHA-256 hashes (each code has 80 random bits). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: instantMs("used_at"),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

export const applications = pgTable(
  "applications",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    roleTitle: text("role_title").notNull(),
    location: text("location"),
    workMode: text("work_mode").$type<(typeof WORK_MODES)[number]>(),
    postingUrl: text("posting_url"),
    source: text("source"),
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    salaryCurrency: text("salary_currency"),
    salaryPeriod: text("salary_period").$type<(typeof SALARY_PERIODS)[number]>(),
    status: text("status").$type<(typeof APPLICATION_STATUSES)[number]>().notNull().default("saved"),
    // A calendar date (YYYY-MM-DD), not an instant: it has no time zone.
    appliedOn: text("applied_on"),
    excitement: integer("excitement"),
    notes: text("notes"),
    archivedAt: instant("archived_at"),
    // The file import that brought it in, for the list's "imported on <date>" filter.
    // A plain column (no foreign key): adding one to this table would make
    // drizzle-kit rebuild it, dropping its triggers and cascading its rounds away.
    importId: text("import_id"),
    // When an import brought it in. Its created_at is then the date the old
    // history gives, but the guidance must know when the facts reached
    // Shortlist: no step is overdue for a time before that.
    importedAt: instant("imported_at"),
    createdAt: createdAt(),
    updatedAt: msNow("updated_at"),
    // SQLite's rowid, which Postgres has not: ties of updated_at go to the one added last (db/dialect.ts#insertionOrder).
    insertionOrder: insertionOrder(),
  },
  (t) => [
    // The list's orders, each ending in the id that breaks its ties: a page
    // past a cursor is one range of one of these (lib/data/application-list-keyset.ts).
    // lower() on a collate "C" column folds A-Z alone, as SQLite's lower().
    index("applications_user_updated_id_idx").on(t.userId, t.updatedAt, t.id),
    index("applications_user_applied_id_idx").on(t.userId, t.appliedOn, t.id),
    index("applications_user_company_id_idx").on(t.userId, sql`lower(${t.company})`, t.id),
    index("applications_user_excitement_id_idx").on(t.userId, t.excitement, t.id),
    index("applications_user_updated_order_idx").on(t.userId, t.updatedAt, t.insertionOrder),
    index("applications_user_import_idx").on(t.userId, t.importId),
    // With archived_at the dashboard's counts by status read the index alone, not every row.
    index("applications_user_status_archived_idx").on(t.userId, t.status, t.archivedAt),
    check("applications_excitement_range", sql`${t.excitement} is null or ${t.excitement} between 1 and 5`),
    // Lets child rows reference (id, user_id) so the database itself refuses
    // a round or event filed under someone else's application.
    unique("applications_id_user_idx").on(t.id, t.userId),
  ],
);

const ownedBy = () =>
  text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });

export const rounds = pgTable(
  "rounds",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    applicationId: text("application_id").notNull(),
    kind: text("kind").$type<(typeof ROUND_KINDS)[number]>().notNull(),
    scheduledAt: instant("scheduled_at").notNull(),
    durationMinutes: integer("duration_minutes"),
    format: text("format").$type<(typeof ROUND_FORMATS)[number]>(),
    // A street address for on-site rounds, a meeting link or dial-in otherwise.
    location: text("location"),
    outcome: text("outcome").$type<(typeof ROUND_OUTCOMES)[number]>().notNull().default("pending"),
    notes: text("notes"),
    prepNotes: text("prep_notes"),
    thankYouSentAt: instant("thank_you_sent_at"),
    // The absence of a signal is a fact too: the follow-up rule reads it.
    noNextSteps: boolean("no_next_steps").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: msNow("updated_at"),
    insertionOrder: insertionOrder(),
  },
  (t) => [
    foreignKey({ columns: [t.applicationId, t.userId], foreignColumns: [applications.id, applications.userId] }).onDelete(
      "cascade",
    ),
    unique("rounds_id_user_idx").on(t.id, t.userId),
    index("rounds_application_idx").on(t.applicationId, t.scheduledAt),
    index("rounds_user_scheduled_idx").on(t.userId, t.scheduledAt),
    index("rounds_user_scheduled_order_idx").on(t.userId, t.scheduledAt, t.insertionOrder),
    check("rounds_duration_positive", sql`${t.durationMinutes} is null or ${t.durationMinutes} > 0`),
  ],
);

/** People the user has met, kept across rounds so they can be picked again. */
export const interviewers = pgTable(
  "interviewers",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    name: text("name").notNull(),
    title: text("title"),
    email: text("email"),
    // Company, name and email, lower-cased: one contact per person met at a
    // company, so typing a known name again reuses it instead of making a twin.
    matchKey: text("match_key").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("interviewers_id_user_idx").on(t.id, t.userId),
    uniqueIndex("interviewers_user_match_idx").on(t.userId, t.matchKey),
  ],
);

export const roundInterviewers = pgTable(
  "round_interviewers",
  {
    userId: ownedBy(),
    roundId: text("round_id").notNull(),
    interviewerId: text("interviewer_id").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.interviewerId] }),
    foreignKey({ columns: [t.roundId, t.userId], foreignColumns: [rounds.id, rounds.userId] }).onDelete("cascade"),
    foreignKey({ name: "round_interviewers_interviewer_fk", columns: [t.interviewerId, t.userId], foreignColumns: [interviewers.id, interviewers.userId] }).onDelete(
      "cascade",
    ),
    index("round_interviewers_interviewer_idx").on(t.interviewerId),
    // Covers the dashboard's read of all the user's round-people pairs: one range scan.
    index("round_interviewers_user_idx").on(t.userId, t.roundId, t.position, t.interviewerId),
  ],
);

export const roundSignals = pgTable(
  "round_signals",
  {
    userId: ownedBy(),
    roundId: text("round_id").notNull(),
    signal: text("signal").$type<(typeof SIGNAL_KEYS)[number]>().notNull(),
    // Only the hiring timeline carries a date: when they said they'd decide.
    onDate: text("on_date"),
  },
  (t) => [
    primaryKey({ columns: [t.roundId, t.signal] }),
    foreignKey({ columns: [t.roundId, t.userId], foreignColumns: [rounds.id, rounds.userId] }).onDelete("cascade"),
    // Covers reading all the user's signals (the dashboard, analytics) as one range scan
    // instead of a lookup per round: about 2.5x faster at 40,000 signals.
    index("round_signals_user_idx").on(t.userId, t.roundId, t.signal, t.onDate),
    check("round_signals_date_only_for_timeline", sql`${t.onDate} is null or ${t.signal} = 'hiring_timeline'`),
  ],
);

/** The user's own words for what they noticed; kept and shown, fires no rule. */
export const customSignals = pgTable(
  "custom_signals",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    roundId: text("round_id").notNull(),
    text: text("text").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    foreignKey({ columns: [t.roundId, t.userId], foreignColumns: [rounds.id, rounds.userId] }).onDelete("cascade"),
    index("custom_signals_round_idx").on(t.roundId),
  ],
);

export const events = pgTable(
  "events",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    applicationId: text("application_id").notNull(),
    kind: text("kind").$type<(typeof EVENT_KINDS)[number]>().notNull(),
    occurredAt: instant("occurred_at").notNull(),
    note: text("note"),
    // What the application's status was before this event moved it, so that
    // deleting a mistaken "offer received" puts the status back.
    statusBefore: text("status_before").$type<(typeof APPLICATION_STATUSES)[number]>(),
    // A reply's "they said by" date (YYYY-MM-DD): the wait it starts runs to it.
    saidBy: text("said_by"),
    // An offer's terms, all optional and only on an offer_received event: an
    // application may get more than one offer, and each keeps its own.
    // Amounts are whole units of offer_currency (a yearly base, a bonus).
    offerBase: integer("offer_base"),
    offerBonus: integer("offer_bonus"),
    offerCurrency: text("offer_currency"),
    offerEquity: text("offer_equity"),
    // Calendar dates (YYYY-MM-DD): the day they want you to start, and the
    // day they want an answer by (respond-to-offer reads it).
    offerStartOn: text("offer_start_on"),
    offerAnswerBy: text("offer_answer_by"),
    offerNotes: text("offer_notes"),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ columns: [t.applicationId, t.userId], foreignColumns: [applications.id, applications.userId] }).onDelete(
      "cascade",
    ),
    index("events_application_idx").on(t.applicationId, t.occurredAt),
    index("events_user_occurred_idx").on(t.userId, t.occurredAt),
  ],
);

/**
 * Steps the user marked done, dismissed or snoozed, by the engine's key (a
 * rule plus the round or event it is about). A new round or rejection makes
 * a new key, so the rule can fire again for the new reason.
 */
export const guidanceSteps = pgTable(
  "guidance_steps",
  {
    userId: ownedBy(),
    applicationId: text("application_id").notNull(),
    key: text("key").notNull(),
    state: text("state").$type<(typeof HANDLED_STATES)[number]>().notNull(),
    // Only snoozed steps have one: when they come back.
    until: instant("until"),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.key] }),
    foreignKey({ name: "guidance_steps_application_fk", columns: [t.applicationId, t.userId], foreignColumns: [applications.id, applications.userId] }).onDelete(
      "cascade",
    ),
    index("guidance_steps_user_idx").on(t.userId),
    check("guidance_steps_until_only_when_snoozed", sql`(${t.state} = 'snoozed') = (${t.until} is not null)`),
  ],
);

/** The user's own values for the catalog's parameters; no row means the defaults. */
export const guidanceSettings = pgTable("guidance_settings", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  thankYouWindowHours: integer("thank_you_window_hours").notNull(),
  decisionWaitDays: integer("decision_wait_days").notNull(),
  followUpSpacingDays: integer("follow_up_spacing_days").notNull(),
  moveOnFollowUps: integer("move_on_follow_ups").notNull(),
  prepLeadDays: integer("prep_lead_days").notNull(),
  // Added with the catalog's second edition: rows saved before it take the default.
  applicationFollowUpDays: integer("application_follow_up_days").notNull().default(7),
  updatedAt: updatedAt(),
});

/**
 * One secret feed URL per user, for calendar apps that subscribe by URL and
 * cannot sign in. The token is stored as is, not hashed: it guards rows in
 * this same database (anyone who can read this table can read the rounds
 * too, so a hash would protect nothing), and the user must be able to see
 * and copy the URL again later. Regenerating overwrites it, so the old URL
 * stops working at once.
 */
export const calendarFeeds = pgTable("calendar_feeds", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  token: text("token").notNull().unique(),
  createdAt: createdAt(),
});

/**
 * A counter per user that SQLite triggers bump on every write to a row the
 * guidance reads (see the migration that creates it). Cached next steps are
 * reused only while it is unchanged, so no write path can forget to
 * invalidate them, including writes from outside the app.
 */
export const userDataVersions = pgTable("user_data_versions", {
  // No foreign key: the triggers also fire while a user's rows are being
  // deleted along with the user.
  userId: text("user_id").primaryKey(),
  version: integer("version").notNull(),
  /**
   * The version at the last write to an input every application reads
   * (guidance settings, the time zone): one number in every cached part's
   * key, rather than a bump of thousands of application rows per change.
   */
  sharedVersion: integer("shared_version").notNull().default(0),
  /** The version at which an application of the user was last deleted: its part must go. */
  removedVersion: integer("removed_version").notNull().default(0),
});

/**
 * Per application, the user's data version at the last write to anything
 * its guidance reads (the application, its rounds, their signals and people,
 * its events and handled steps), set by the same triggers. Taken from the
 * user's counter, so versions only grow, even for an id deleted and
 * restored, and "changed since the cached queue" is a range scan.
 */
export const applicationVersions = pgTable(
  "application_versions",
  {
    // No foreign key, like user_data_versions: the triggers run while an application's rows cascade away.
    applicationId: text("application_id").primaryKey(),
    userId: text("user_id").notNull(),
    version: integer("version").notNull(),
  },
  (t) => [index("application_versions_user_idx").on(t.userId, t.version, t.applicationId)],
);

/**
 * The dashboard's guidance per application, as last computed, so a server
 * that starts (or a new one beside it) reads what is still valid instead of
 * recomputing every application. A row is a cache, never the truth: it is
 * used only while the application's version is at most `version` (nothing
 * it read has changed since), the user's shared version and the reader
 * (zone, locale, clock) are the ones it was computed for, the count of
 * applications in play is `activeCount` (when the part read it), and the
 * instant asked for lies in [computedAt, changesAt).
 */
export const guidanceParts = pgTable(
  "guidance_parts",
  {
    userId: ownedBy(),
    applicationId: text("application_id").notNull(),
    reader: text("reader").notNull(),
    version: integer("version").notNull(),
    sharedVersion: integer("shared_version").notNull(),
    /** The count of applications in play the part was computed with; null when its answer did not read it. */
    activeCount: integer("active_count"),
    /** Milliseconds since the epoch (a number, as on SQLite); changesAt null means never (by time alone). */
    computedAt: bigint("computed_at", { mode: "number" }).notNull(),
    changesAt: bigint("changes_at", { mode: "number" }),
    /** The part's estimated size in memory, as the cache counts it. */
    bytes: integer("bytes").notNull(),
    /** The part, structured-clone serialized (node:v8), with its dates. */
    body: bytea("body").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.applicationId] }),
    foreignKey({ name: "guidance_parts_application_fk", columns: [t.applicationId, t.userId], foreignColumns: [applications.id, applications.userId] }).onDelete(
      "cascade",
    ),
  ],
);

/**
 * One row, rewritten by each health check (GET /health): a committed write
 * is the only proof the disk still takes one, and this leaves nothing else
 * behind. Not user data.
 */
export const healthProbe = pgTable("health_probe", {
  // The one row: written by id, never a second.
  id: integer("id").primaryKey().$defaultFn(() => 1),
  checkedAt: instantMs("checked_at").notNull(),
});

/**
 * One row per file the user imported: what it was and what it added, so the
 * list can show "imported on <date>" and the summary can be read again.
 */
export const imports = pgTable(
  "imports",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    /** The recognised format ("huntr", "linkedin-applications", "shortlist-json", "csv" when mapped by hand). */
    format: text("format").notNull(),
    fileName: text("file_name").notNull(),
    /** SHA-256 of the file's bytes: the same file again is named as such in the preview. */
    fileHash: text("file_hash").notNull(),
    added: integer("added").notNull(),
    duplicates: integer("duplicates").notNull(),
    problems: integer("problems").notNull(),
    createdAt: msNow("created_at"),
  },
  (t) => [index("imports_user_created_idx").on(t.userId, t.createdAt), index("imports_user_hash_idx").on(t.userId, t.fileHash)],
);

/**
 * What an action changed, kept for a short while so the user can undo it:
 * each touched application's rows as they were before (`before`, JSON) and
 * the version each application had right after the action (`versions`,
 * JSON), so an undo refuses rather than clobbers a later change. Used once,
 * then deleted; expired ones are swept on the next action.
 */
export const undoRecords = pgTable(
  "undo_records",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    /** What the toast says was done ("Marked 6 applications as ghosted"). */
    label: text("label").notNull(),
    before: text("before").notNull(),
    versions: text("versions").notNull(),
    createdAt: instantMs("created_at").notNull(),
    expiresAt: instantMs("expires_at").notNull(),
  },
  (t) => [index("undo_records_user_expires_idx").on(t.userId, t.expiresAt)],
);

/**
 * The user's documents: a CV, a cover letter, a portfolio... Each has a kind
 * and a name; its files are its versions. Times are set by the app, not by
 * an engine default, so the table ports to Postgres as it is.
 */
export const documents = pgTable(
  "documents",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    kind: text("kind").$type<(typeof DOCUMENT_KINDS)[number]>().notNull(),
    name: text("name").notNull(),
    createdAt: instantMs("created_at").notNull(),
  },
  (t) => [unique("documents_id_user_idx").on(t.id, t.userId), index("documents_user_idx").on(t.userId, t.createdAt)],
);

/**
 * One uploaded file of a document, numbered from 1; a new upload adds a
 * version and keeps the old ones. The bytes live here (a BLOB; bytea on
 * Postgres), so a backup or a copy of the database holds the files too.
 * `size` is kept beside the bytes: the quota sums it without reading them.
 */
export const documentVersions = pgTable(
  "document_versions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    documentId: text("document_id").notNull(),
    number: integer("number").notNull(),
    fileName: text("file_name").notNull(),
    /** The type found in the bytes (lib/documents/file-type.ts), never the one the browser claimed. */
    mediaType: text("media_type").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    createdAt: instantMs("created_at").notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.documentId, t.userId], foreignColumns: [documents.id, documents.userId] }).onDelete("cascade"),
    unique("document_versions_id_user_idx").on(t.id, t.userId),
    uniqueIndex("document_versions_number_idx").on(t.documentId, t.number),
    index("document_versions_user_idx").on(t.userId, t.size),
    check("document_versions_size_positive", sql`${t.size} > 0`),
  ],
);

/**
 * A version sent with an application, or presented at one of its rounds
 * (round_id set). Deleting the application, the round or the document
 * takes its attachments with it.
 */
export const documentAttachments = pgTable(
  "document_attachments",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    versionId: text("version_id").notNull(),
    applicationId: text("application_id").notNull(),
    roundId: text("round_id"),
    createdAt: instantMs("created_at").notNull(),
  },
  (t) => [
    foreignKey({ name: "document_attachments_version_fk", columns: [t.versionId, t.userId], foreignColumns: [documentVersions.id, documentVersions.userId] }).onDelete("cascade"),
    foreignKey({ name: "document_attachments_application_fk", columns: [t.applicationId, t.userId], foreignColumns: [applications.id, applications.userId] }).onDelete("cascade"),
    foreignKey({ columns: [t.roundId, t.userId], foreignColumns: [rounds.id, rounds.userId] }).onDelete("cascade"),
    index("document_attachments_application_idx").on(t.applicationId, t.roundId),
    index("document_attachments_user_idx").on(t.userId, t.versionId),
  ],
);

/**
 * "Forgot password?" links: only the SHA-256 of each token is kept, so the
 * database alone cannot be used to reset anyone's password. A link is good
 * once (used_at) and for 30 minutes (expires_at).
 */
export const passwordResets = pgTable(
  "password_resets",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: instantMs("expires_at").notNull(),
    usedAt: instantMs("used_at"),
    createdAt: instantMs("created_at").notNull(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

/**
 * Sign-ups waiting for their emailed link (only when the server sends
 * email): what the form was given, until the link's owner finishes. Only
 * the SHA-256 of the link's token is kept; a link is good once (used_at)
 * and for 30 minutes (expires_at). No account exists until it is used.
 */
export const signUpRequests = pgTable(
  "sign_up_requests",
  {
    tokenHash: text("token_hash").primaryKey(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    timeZone: text("time_zone"),
    expiresAt: instantMs("expires_at").notNull(),
    usedAt: instantMs("used_at"),
    createdAt: instantMs("created_at").notNull(),
  },
  (t) => [index("sign_up_requests_expires_idx").on(t.expiresAt)],
);

/**
 * One row per account that changed its reminder settings; an account without
 * one has the defaults (email on, digest at 08:00, quiet 21:00 to 08:00).
 * Hours are the user's local hours, 0 to 23.
 */
export const reminderSettings = pgTable(
  "reminder_settings",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    emailOn: boolean("email_on").notNull(),
    emailCarries: text("email_carries").$type<(typeof REMINDER_CARRIES)[number]>().notNull(),
    digestHour: integer("digest_hour").notNull(),
    quietFrom: integer("quiet_from").notNull(),
    quietUntil: integer("quiet_until").notNull(),
    /** What push to the account's devices carries (push is on while it has a subscribed device). */
    pushCarries: text("push_carries").$type<(typeof REMINDER_CARRIES)[number]>().notNull().default("all"),
    updatedAt: instantMs("updated_at").notNull(),
  },
  (t) => [
    check("reminder_settings_hours", sql`${t.digestHour} between 0 and 23 and ${t.quietFrom} between 0 and 23 and ${t.quietUntil} between 0 and 23`),
  ],
);

/**
 * An account's own reminder channels beside email: an ntfy topic (with an
 * optional access token) and a webhook (with the secret its bodies are signed
 * with). Secrets are sealed with the auth secret (lib/auth/secret-box.ts),
 * bound to the user. No row: the channel is off.
 */
export const reminderChannels = pgTable(
  "reminder_channels",
  {
    userId: ownedBy(),
    channel: text("channel").$type<(typeof OWN_REMINDER_CHANNELS)[number]>().notNull(),
    url: text("url").notNull(),
    secretSealed: text("secret_sealed"),
    carries: text("carries").$type<(typeof REMINDER_CARRIES)[number]>().notNull(),
    updatedAt: instantMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);

/**
 * The account's devices subscribed to Web Push: one row per push endpoint
 * (the browser's own address at its push service, a secret URL), with the
 * keys a payload is encrypted to. An endpoint is one browser's, so it
 * belongs to one account at a time: the last that turned push on there.
 */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    endpoint: text("endpoint").notNull().unique(),
    /** The browser's P-256 public key and auth secret (base64url), from PushSubscription.getKey(). */
    p256dh: text("p256dh").notNull(),
    auth: text("auth").notNull(),
    /** "Chrome on Android": read from the user agent when it subscribed, for Settings' list. */
    deviceLabel: text("device_label").notNull(),
    createdAt: instantMs("created_at").notNull(),
  },
  (t) => [index("push_subscriptions_user_idx").on(t.userId)],
);

/**
 * The reminders outbox: one row per (user, item, occurrence, channel), so a
 * second scheduler pass, or a second server, that finds the same item due
 * inserts nothing. A sender claims due rows with a token and a lease
 * (lib/reminders/claim.ts), sends, and only then marks them sent; a row
 * whose lease ran out (its sender died) is claimed again.
 */
export const reminderDeliveries = pgTable(
  "reminder_deliveries",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: ownedBy(),
    /** What it is about: "digest", "interview:<round id>", "thank-you:<round id>", "test:<id>". */
    item: text("item").notNull(),
    /** Which time of it: the digest's local date, the round's start or end; a moved round is a new occurrence. */
    occurrence: text("occurrence").notNull(),
    channel: text("channel").$type<(typeof REMINDER_CHANNELS)[number]>().notNull(),
    kind: text("kind").$type<(typeof REMINDER_KINDS)[number]>().notNull(),
    /** The message as composed when it fell due (lib/reminders/message.ts), JSON. */
    message: text("message").notNull(),
    status: text("status").$type<(typeof DELIVERY_STATUSES)[number]>().notNull(),
    attempts: integer("attempts").notNull(),
    /** Not to be sent before: quiet hours' end, or the next retry. */
    notBefore: instantMs("not_before").notNull(),
    claimToken: text("claim_token"),
    leaseUntil: instantMs("lease_until"),
    /** Why the last attempt failed, in words for Settings. */
    lastError: text("last_error"),
    createdAt: instantMs("created_at").notNull(),
    sentAt: instantMs("sent_at"),
  },
  (t) => [
    uniqueIndex("reminder_deliveries_once_idx").on(t.userId, t.item, t.occurrence, t.channel),
    index("reminder_deliveries_due_idx").on(t.status, t.notBefore),
    index("reminder_deliveries_created_idx").on(t.createdAt),
  ],
);

// ---------------------------------------------------------------- relations

export const usersRelations = relations(users, ({ many }) => ({
  applications: many(applications),
  interviewers: many(interviewers),
}));

export const applicationsRelations = relations(applications, ({ one, many }) => ({
  user: one(users, { fields: [applications.userId], references: [users.id] }),
  rounds: many(rounds),
  events: many(events),
}));

export const roundsRelations = relations(rounds, ({ one, many }) => ({
  application: one(applications, { fields: [rounds.applicationId], references: [applications.id] }),
  signals: many(roundSignals),
  customSignals: many(customSignals),
  interviewers: many(roundInterviewers),
}));

export const roundInterviewersRelations = relations(roundInterviewers, ({ one }) => ({
  round: one(rounds, { fields: [roundInterviewers.roundId], references: [rounds.id] }),
  interviewer: one(interviewers, { fields: [roundInterviewers.interviewerId], references: [interviewers.id] }),
}));

export const roundSignalsRelations = relations(roundSignals, ({ one }) => ({
  round: one(rounds, { fields: [roundSignals.roundId], references: [rounds.id] }),
}));

export const customSignalsRelations = relations(customSignals, ({ one }) => ({
  round: one(rounds, { fields: [customSignals.roundId], references: [rounds.id] }),
}));

export const eventsRelations = relations(events, ({ one }) => ({
  application: one(applications, { fields: [events.applicationId], references: [applications.id] }),
}));
