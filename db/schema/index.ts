import { engineKind } from "../engine-kind";
import * as postgres from "./postgres";
import * as sqlite from "./sqlite";

/**
 * The tables of the engine this process runs on, chosen once from
 * DATABASE_URL; lib/ imports them from here and never names an engine.
 * They are typed as the SQLite set: tests/unit/schema-types.test.ts proves
 * at compile time that both sets infer the same rows to read and to insert,
 * and tests/unit/schema-parity.test.ts that they define the same tables.
 */
const tables = (engineKind() === "postgres" ? postgres : sqlite) as unknown as typeof sqlite;

export const {
  users, signInThrottle, sessions, accessTokens, twoFactor, recoveryCodes, applications, rounds,
  interviewers, roundInterviewers, roundSignals, customSignals, events, guidanceSteps, guidanceSettings,
  calendarFeeds, userDataVersions, applicationVersions, guidanceParts, healthProbe, imports, undoRecords,
  documents, documentVersions, documentAttachments, passwordResets, signUpRequests, reminderSettings,
  reminderChannels, pushSubscriptions, reminderDeliveries, usersRelations, applicationsRelations, roundsRelations, roundInterviewersRelations,
  roundSignalsRelations, customSignalsRelations, eventsRelations,
} = tables;

// The vocabulary lives apart so the pure guidance engine can use it without the ORM;
// code on the database side keeps importing it from here.
export * from "../../lib/vocabulary";

// ---------------------------------------------------------------- types

export type User = typeof users.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
export type Round = typeof rounds.$inferSelect;
export type Interviewer = typeof interviewers.$inferSelect;
export type AppEvent = typeof events.$inferSelect;
export type GuidanceStep = typeof guidanceSteps.$inferSelect;
export type CalendarFeed = typeof calendarFeeds.$inferSelect;
export type ImportRecord = typeof imports.$inferSelect;
export type UndoRecord = typeof undoRecords.$inferSelect;
export type AccessToken = typeof accessTokens.$inferSelect;
export type DocumentRecord = typeof documents.$inferSelect;
export type DocumentVersion = typeof documentVersions.$inferSelect;
export type ReminderDelivery = typeof reminderDeliveries.$inferSelect;
