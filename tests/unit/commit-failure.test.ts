import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase, type Db } from "@/db/open";
import { accessTokens, guidanceSteps, sessions } from "@/db/schema";
import { changePassword } from "@/lib/auth/change-password";
import { checkCredentials, guardedAttempt, guardedPasswordCheck } from "@/lib/auth/credentials";
import { SESSION_ABSOLUTE_LIMIT_MS } from "@/lib/auth/limits";
import { seal } from "@/lib/auth/secret-box";
import { validateSession } from "@/lib/auth/session-check";
import { issueChallenge, signInAttempt } from "@/lib/auth/sign-in";
import { endListedSession, endSessionsExcept, endSignedOutSession, signOutEverywhere } from "@/lib/auth/sign-out";
import { registerAccount } from "@/lib/auth/sign-up";
import { newRecoveryCodes, newTotpSecret, timeStepAt } from "@/lib/auth/totp";
import {
  checkSecondFactor,
  confirmTwoFactorSetup,
  pendingTwoFactorSecret,
  renewRecoveryCodes,
  startTwoFactorSetup,
  turnOffTwoFactor,
} from "@/lib/auth/two-factor";
import { updateAccountDetails } from "@/lib/data/account-details";
import { exportDocument } from "@/lib/data/account-export";
import { deleteAccount } from "@/lib/data/account-deletion";
import { restoreApplications } from "@/lib/data/account-restore";
import { createApplication, deleteApplication, insertApplications, setArchived, updateApplication } from "@/lib/data/applications";
import { createOrRegenerateCalendarFeed, turnOffCalendarFeed } from "@/lib/data/calendar-feed";
import { deleteEvent, insertImportedEvents, logEvent, updateEvent } from "@/lib/data/events";
import { saveOfferTerms } from "@/lib/data/offer-terms";
import { actOnStep, restoreStep } from "@/lib/data/guidance";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { flushStoredParts, queueParts, startWriteBack, storeParts, type SizedPart } from "@/lib/data/guidance-store";
import { commitImport } from "@/lib/data/imports";
import { mergeInterviewers, pruneContacts, upsertInterviewers } from "@/lib/data/interviewers";
import { moveApplication } from "@/lib/data/move-application";
import { createRound, deleteRound, insertRound, markThankYouSent, touchApplication, updateRound } from "@/lib/data/rounds";
import { checkSession, createSession, endOtherSessions, endSession } from "@/lib/data/sessions";
import { countAttempt, forgetThrottleSubject, forgiveAttempt, signInKeys } from "@/lib/data/sign-in-throttle";
import { probeStorage, touchHealthProbe } from "@/db/health";
import { StorageError } from "@/db/storage-error";
import { write } from "@/db/write";
import {
  cancelPendingTwoFactor,
  deleteTwoFactor,
  enableTwoFactor,
  getTwoFactor,
  replaceRecoveryCodes,
  savePendingTwoFactor,
  useRecoveryCode,
  useTimeStep,
} from "@/lib/data/two-factor";
import { adoptTimeZone, changePasswordHash, createUser, recordSeenLocale, revokeSessions, setDateDisplay, setTimeZone } from "@/lib/data/users";
import type { ExportDocument } from "@/lib/export/document";
import { DEFAULT_GUIDANCE_SETTINGS } from "@/lib/guidance/settings";
import { fileHash, planFromAnalysis, type ImportPlan } from "@/lib/import/plan";
import { readShortlistJson } from "@/lib/import/shortlist-json";
import { sampleApplications } from "@/lib/sample-data";
import { everyRow, failCommits, failSqliteCommits, leftInTransaction } from "./support/commit-fault";
import { checked, pdfBytes, uploadDocument } from "./support/documents";
import { deleteDocument, saveDocumentFile } from "@/lib/data/documents";
import { attachVersion, createApplicationWithDocument, detachDocument } from "@/lib/data/document-attachments";
import { restoreLibrary } from "@/lib/data/library-restore";
import { makeUser, testDb } from "./support/db";
import { fromNow, HOUR, NOW, thankYouOwed } from "./support/guidance-data";
import { analysed, fixture as importFixture } from "./support/imports";
import { eventInput, logOk, roundInput } from "./support/rounds";
import { captureLog } from "./support/security-log";
import { codeAt, PASSWORD, twoFactorOnWithoutPassword } from "./support/two-factor";
import { exportedWriteFunctions } from "./support/write-functions";
import { API_FAILURE_AS_RESULT, API_WRITE_CASES } from "./support/api-write-cases";
import { prepareReminders, REMINDER_WRITE_CASES, startGonePushService } from "./support/reminder-write-cases";
import { prepareReset, RESET_WRITE_CASES } from "./support/reset-write-cases";
import { prepareSignUp, SIGN_UP_WRITE_CASES } from "./support/sign-up-write-cases";
import type { ClaimedDelivery } from "@/lib/data/reminder-claim";
import { checkAccessToken, createAccessToken } from "@/lib/data/access-tokens";

// The API's operations read the app's connection, as route handlers do: here it is the fixture's.
vi.mock("@/db/client", () => ({ getDb: () => fixture.db }));
import { bulkApply } from "@/lib/data/bulk-applications";
import { undoAction, withUndo } from "@/lib/data/undo/records";
import { restoreSnapshot, takeSnapshot } from "@/lib/data/undo/snapshot";

const ADDRESS = "10.0.0.1";
const MINUTE = 60_000;
/** Passes the sign-up screening: not common, not the email's name. */
const NEW_PASSWORD = "velvet compass thunder 88";

const PUT_ASIDE_KEY = "keep-searching:put-aside";

type Fixture = {
  db: Db;
  /** One of Ana's tokens past its expiry, and a live one's id. */
  expiredToken: string;
  tokenId: string;
  liveToken: string;
  /** Ana: the applications below, two-factor on, three sessions. */
  user: { id: string; email: string; timeZone: string };
  applicationId: string;
  roundId: string;
  eventId: string;
  /** An offer on another of Ana's applications, for its terms. */
  offerEventId: string;
  keys: ReturnType<typeof signInKeys>;
  sessionVersion: number;
  /** This device's session, last seen ten minutes ago (so checking it would write "last seen"). */
  sessionId: string;
  /** Another device of Ana's. */
  otherSessionId: string;
  /** A session past the absolute limit, whose row the next check deletes. */
  expiredSessionId: string;
  /** Ana's authenticator code for NOW (later than the step her set-up used up), and one of her recovery codes. */
  code: string;
  recoveryCode: string;
  recoveryCodeHash: string;
  /** Ana's sealed note that her password step passed, for the code step. */
  challenge: string;
  /** Ben: a two-factor set-up waiting for its first code, which is `code`. */
  ben: { id: string; email: string; code: string; secretSealed: string };
  /** Ana's export, read back as an import would, to restore into Ben's account. */
  backup: ExportDocument;
  /** A file of three new applications, planned as the import page plans it. */
  plan: ImportPlan;
  /** Two of Ana's contacts at Globex, in no round. */
  contactIds: [string, string];
  /** Ana's undo record for ghosting another application of hers. */
  undoId: string;
  /** Ana's CV (one version, sent with the application) and that attachment. */
  documentId: string;
  versionId: string;
  attachmentId: string;
  /** The file of Ana's CV version, as a ZIP export holds it. */
  files: Record<string, Uint8Array>;
  /** One of Ana's pending reminders, claimed (see support/reminder-write-cases.ts). */
  claimed: ClaimedDelivery;
  /** Ana's phone's push endpoint, at a push service that says it is gone. */
  goneEndpoint: string;
  /** A live sign-up link of Dee's (see support/sign-up-write-cases.ts). */
  signUpToken: string;
  /** A live password reset link of Ana's: its token. */
  resetToken: string;
};

/** For a call that writes even when it refuses (a wrong code or password is counted): its healthy run must be the success. */
const succeeded = <T extends { ok: boolean }>(result: T) => {
  expect(result).toMatchObject({ ok: true });
  return result;
};

/**
 * One call per write function that, on a healthy database, changes at least
 * one row. Keys are the functions the source scan finds (see
 * support/write-functions.ts): a new write function fails the first test
 * below until it has a case here.
 */
/** A stored guidance part (a cache row): what the stored-parts cases write. */
const EMPTY_PART: SizedPart = { queue: [], putAside: [], checkIn: null, changesAt: Infinity, readsOtherApplications: false, bytes: 64 };
const PART_STAMP = { reader: "UTC||", version: 1, sharedVersion: 0, activeCount: 1, computedAt: NOW.getTime() };

const CASES: Record<string, (f: Fixture) => unknown> = {
  "lib/auth/change-password.ts#changePassword": (f) =>
    changePassword(f.db, { user: f.user, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, address: ADDRESS, now: NOW }).then(succeeded),
  "lib/auth/credentials.ts#checkCredentials": (f) =>
    checkCredentials(f.db, { email: f.user.email, password: "correct horse battery staple" }, { address: "10.0.0.1", now: NOW }),
  "lib/auth/credentials.ts#guardedAttempt": (f) => guardedAttempt(f.db, f.keys, NOW, () => ({ ok: true })),
  "lib/auth/credentials.ts#guardedPasswordCheck": (f) => guardedPasswordCheck(f.db, f.keys, NOW, async () => true),
  // The expired session: its row must go, and a delete that did not commit is reported (see checkSession below).
  "lib/auth/session-check.ts#validateSession": (f) =>
    validateSession(f.db, { uid: f.user.id, sv: f.sessionVersion, sid: f.expiredSessionId }, { now: NOW, address: ADDRESS }),
  // The code step (the password step is checkCredentials'): the code is used up and the session recorded.
  "lib/auth/sign-in.ts#signInAttempt": (f) =>
    signInAttempt(f.db, { challenge: f.challenge, code: f.code }, { address: ADDRESS, userAgent: "test agent", now: NOW }).then((outcome) => {
      expect(outcome).toMatchObject({ kind: "signed-in", userId: f.user.id });
      return outcome;
    }),
  "lib/auth/sign-out.ts#endListedSession": (f) => endListedSession(f.db, { userId: f.user.id, sessionId: f.otherSessionId, address: ADDRESS }),
  "lib/auth/sign-out.ts#endSessionsExcept": (f) => endSessionsExcept(f.db, { userId: f.user.id, sessionId: f.sessionId, address: ADDRESS }),
  "lib/auth/sign-out.ts#endSignedOutSession": (f) => endSignedOutSession(f.db, { userId: f.user.id, sessionId: f.sessionId, address: ADDRESS }),
  "lib/auth/sign-out.ts#signOutEverywhere": (f) => signOutEverywhere(f.db, { userId: f.user.id, address: ADDRESS }),
  "lib/auth/sign-up.ts#registerAccount": (f) =>
    registerAccount(f.db, { input: { name: "Dee", email: "dee@example.com", password: NEW_PASSWORD }, address: "10.0.0.9", now: NOW, env: {} }).then(succeeded),
  "lib/auth/two-factor.ts#checkSecondFactor": (f) => checkSecondFactor(f.db, { userId: f.user.id, address: ADDRESS, now: NOW, code: f.code }).then(succeeded),
  "lib/auth/two-factor.ts#confirmTwoFactorSetup": (f) =>
    confirmTwoFactorSetup(f.db, { userId: f.ben.id, email: f.ben.email, address: ADDRESS, now: NOW, password: PASSWORD, code: f.ben.code }).then(succeeded),
  "lib/auth/two-factor.ts#renewRecoveryCodes": (f) => renewRecoveryCodes(f.db, { userId: f.user.id, address: ADDRESS, now: NOW, code: f.code }).then(succeeded),
  "lib/auth/two-factor.ts#startTwoFactorSetup": (f) => startTwoFactorSetup(f.db, { userId: f.ben.id, now: NOW }),
  "lib/auth/two-factor.ts#turnOffTwoFactor": (f) =>
    turnOffTwoFactor(f.db, { userId: f.user.id, email: f.user.email, address: ADDRESS, now: NOW, password: PASSWORD, code: f.recoveryCode }).then(succeeded),
  "lib/data/account-deletion.ts#deleteAccount": (f) => deleteAccount(f.db, { userId: f.user.id }),
  // The import's record is commitImport's to write; restoring only names it.
  "lib/data/account-restore.ts#restoreApplications": (f) =>
    write(f.db, { userId: f.ben.id }, (tx) =>
      restoreApplications(tx, { userId: f.ben.id, importId: "restored", importedAt: NOW, document: f.backup, applications: f.backup.applications }),
    ),
  "lib/data/bulk-applications.ts#bulkApply": (f) =>
    bulkApply(f.db, { userId: f.user.id, ids: [f.applicationId], action: { kind: "archive" }, now: NOW }),
  "lib/data/undo/records.ts#undoAction": (f) => undoAction(f.db, { userId: f.user.id, id: f.undoId, now: NOW }).then(succeeded),
  "lib/data/undo/records.ts#withUndo": (f) =>
    withUndo(f.db, {
      plan: { userId: f.user.id, applicationIds: [f.applicationId], now: NOW },
      work: (tx) => moveApplication(tx, { userId: f.user.id, id: f.applicationId, target: "offer", now: NOW }),
      labelFor: () => "Moved",
    }),
  "lib/data/undo/snapshot.ts#restoreSnapshot": (f) =>
    write(f.db, { userId: f.user.id }, async (tx) =>
      restoreSnapshot(tx, { userId: f.user.id, snapshot: await takeSnapshot(tx, { userId: f.user.id, ids: [f.applicationId] }) }),
    ),
  "lib/data/applications.ts#createApplication": (f) =>
    createApplication(f.db, { userId: f.user.id, input: { company: "Globex", roleTitle: "Lead", status: "saved" } }),
  "lib/data/applications.ts#deleteApplication": (f) => deleteApplication(f.db, { userId: f.user.id, id: f.applicationId }),
  "lib/data/applications.ts#insertApplications": (f) => insertApplications(f.db, { userId: f.user.id, rows: sampleApplications(NOW) }),
  "lib/data/applications.ts#setArchived": (f) => setArchived(f.db, { userId: f.user.id, id: f.applicationId, archived: true }),
  "lib/data/applications.ts#updateApplication": (f) =>
    updateApplication(f.db, { userId: f.user.id, id: f.applicationId, input: { company: "Acme", roleTitle: "Principal", status: "interviewing" } }),
  "lib/data/calendar-feed.ts#createOrRegenerateCalendarFeed": (f) => createOrRegenerateCalendarFeed(f.db, { userId: f.user.id, now: NOW }),
  "lib/data/calendar-feed.ts#turnOffCalendarFeed": (f) => turnOffCalendarFeed(f.db, { userId: f.user.id }),
  "lib/data/events.ts#deleteEvent": (f) => deleteEvent(f.db, { userId: f.user.id, id: f.eventId }),
  "lib/data/events.ts#insertImportedEvents": (f) =>
    write(f.db, { userId: f.user.id }, (tx) =>
      insertImportedEvents(tx, {
        userId: f.user.id,
        applicationId: f.applicationId,
        list: [{ kind: "response_received", occurredAt: NOW, statusBefore: "interviewing" }],
      }),
    ),
  "lib/data/events.ts#logEvent": (f) =>
    logEvent(f.db, { userId: f.user.id, applicationId: f.applicationId, input: eventInput("response_received", NOW.toISOString()) }),
  "lib/data/events.ts#updateEvent": (f) => updateEvent(f.db, { userId: f.user.id, id: f.eventId, input: { occurredAt: fromNow(-HOUR), note: "changed" } }),
  "lib/data/offer-terms.ts#saveOfferTerms": (f) =>
    saveOfferTerms(f.db, { userId: f.user.id, eventId: f.offerEventId, terms: { offerBase: 90_000, offerCurrency: "EUR", offerAnswerBy: "2026-12-14" } }),
  "lib/data/guidance-settings.ts#saveGuidanceSettings": (f) =>
    saveGuidanceSettings(f.db, { userId: f.user.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS, thankYouWindowHours: 48 } }),
  "lib/data/guidance.ts#actOnStep": (f) =>
    actOnStep(f.db, { user: f.user, applicationId: f.applicationId, key: `send-thank-you:${f.roundId}`, action: { kind: "dismiss" }, now: NOW }),
  "lib/data/guidance.ts#restoreStep": (f) => restoreStep(f.db, { userId: f.user.id, applicationId: f.applicationId, key: PUT_ASIDE_KEY }),
  "lib/data/imports.ts#commitImport": (f) => commitImport(f.db, { userId: f.user.id, plan: f.plan, now: NOW }),
  "lib/data/interviewers.ts#mergeInterviewers": (f) =>
    mergeInterviewers(f.db, { userId: f.user.id, keepId: f.contactIds[0], mergeId: f.contactIds[1] }).then(succeeded),
  "lib/data/interviewers.ts#pruneContacts": (f) => write(f.db, { userId: f.user.id }, (tx) => pruneContacts(tx, { userId: f.user.id })),
  "lib/data/interviewers.ts#upsertInterviewers": (f) =>
    write(f.db, { userId: f.user.id }, (tx) => upsertInterviewers(tx, { userId: f.user.id, company: "Initech", people: [{ name: "Bo Chen" }] })),
  "lib/data/move-application.ts#moveApplication": (f) => moveApplication(f.db, { userId: f.user.id, id: f.applicationId, target: "offer", now: NOW }),
  "lib/data/rounds.ts#createRound": (f) =>
    createRound(f.db, { userId: f.user.id, applicationId: f.applicationId, input: roundInput({ scheduledAt: fromNow(2 * 24 * HOUR) }) }),
  "lib/data/rounds.ts#deleteRound": (f) => deleteRound(f.db, { userId: f.user.id, id: f.roundId }),
  "lib/data/rounds.ts#insertRound": (f) =>
    write(f.db, { userId: f.user.id }, (tx) =>
      insertRound(tx, { userId: f.user.id, application: { id: f.applicationId, company: "Acme" }, input: roundInput({ scheduledAt: NOW }) }),
    ),
  "lib/data/rounds.ts#markThankYouSent": (f) => markThankYouSent(f.db, { userId: f.user.id, id: f.roundId, at: NOW }),
  "lib/data/rounds.ts#touchApplication": (f) =>
    write(f.db, { userId: f.user.id }, (tx) => touchApplication(tx, { userId: f.user.id, applicationId: f.applicationId })),
  "lib/data/rounds.ts#updateRound": (f) =>
    updateRound(f.db, { userId: f.user.id, id: f.roundId, input: roundInput({ kind: "second", scheduledAt: fromNow(-31 * HOUR), notes: "changed" }) }),
  // Not the live session's "last seen" time, which is a courtesy whose failure is swallowed on purpose: the expired
  // session's delete, which is the write the check reports. The courtesy has its own test below.
  "lib/data/sessions.ts#checkSession": (f) =>
    checkSession(f.db, { userId: f.user.id, sessionId: f.expiredSessionId, sessionVersion: f.sessionVersion, now: NOW }),
  "lib/data/sessions.ts#createSession": (f) => createSession(f.db, { userId: f.user.id, userAgent: "test agent", address: ADDRESS, now: NOW }),
  "lib/data/sessions.ts#endOtherSessions": (f) => endOtherSessions(f.db, { userId: f.user.id, keepSessionId: f.sessionId }),
  "lib/data/sessions.ts#endSession": (f) => endSession(f.db, { userId: f.user.id, sessionId: f.otherSessionId }),
  "lib/data/sign-in-throttle.ts#countAttempt": (f) => countAttempt(f.db, { keys: f.keys, now: NOW }),
  "lib/data/sign-in-throttle.ts#forgetThrottleSubject": (f) =>
    write(f.db, { userId: f.user.id }, (tx) => forgetThrottleSubject(tx, { email: f.user.email, userId: f.user.id })),
  "lib/data/sign-in-throttle.ts#forgiveAttempt": (f) => forgiveAttempt(f.db, { keys: f.keys }),
  "lib/data/two-factor.ts#cancelPendingTwoFactor": (f) => cancelPendingTwoFactor(f.db, { userId: f.ben.id }),
  "lib/data/two-factor.ts#deleteTwoFactor": (f) => deleteTwoFactor(f.db, { userId: f.user.id }),
  "lib/data/two-factor.ts#enableTwoFactor": (f) =>
    enableTwoFactor(f.db, { userId: f.ben.id, secretSealed: f.ben.secretSealed, step: timeStepAt(NOW), codeHashes: newRecoveryCodes(), now: NOW }),
  "lib/data/two-factor.ts#replaceRecoveryCodes": (f) => replaceRecoveryCodes(f.db, { userId: f.user.id, codeHashes: newRecoveryCodes() }),
  "lib/data/two-factor.ts#savePendingTwoFactor": (f) =>
    savePendingTwoFactor(f.db, { userId: f.ben.id, secretSealed: seal("totp-secret", newTotpSecret(), f.ben.id), now: NOW }),
  /* eslint-disable react-hooks/rules-of-hooks -- data functions that "use up" a code, not React hooks */
  "lib/data/two-factor.ts#useRecoveryCode": (f) => useRecoveryCode(f.db, { userId: f.user.id, codeHash: f.recoveryCodeHash, now: NOW }),
  "lib/data/two-factor.ts#useTimeStep": (f) => useTimeStep(f.db, { userId: f.user.id, step: timeStepAt(NOW) }),
  /* eslint-enable react-hooks/rules-of-hooks */
  "lib/data/account-details.ts#updateAccountDetails": (f) => updateAccountDetails(f.db, { userId: f.user.id, name: "New Name", email: "new@example.com" }),
  "lib/data/users.ts#adoptTimeZone": (f) => adoptTimeZone(f.db, { userId: f.user.id, timeZone: "Europe/Paris" }),
  "lib/data/users.ts#changePasswordHash": (f) => changePasswordHash(f.db, { userId: f.user.id, passwordHash: "another-hash" }),
  "lib/data/users.ts#createUser": (f) => createUser(f.db, { name: "Cy", email: "cy@example.com", passwordHash: "hash" }),
  "lib/data/users.ts#recordSeenLocale": (f) => recordSeenLocale(f.db, { userId: f.user.id, locale: "fr-FR" }),
  "lib/data/users.ts#revokeSessions": (f) => revokeSessions(f.db, { userId: f.user.id }),
  "lib/data/users.ts#setDateDisplay": (f) => setDateDisplay(f.db, { userId: f.user.id, locale: "de-DE", hourCycle: "h12" }),
  "lib/data/users.ts#setTimeZone": (f) => setTimeZone(f.db, { userId: f.user.id, timeZone: "Asia/Tokyo" }),
  // The foundation's own writes: the source scan reads lib/ only, so these are listed by hand (FOUNDATION_WRITES).
  "lib/data/documents.ts#saveDocumentFile": (f) =>
    saveDocumentFile(f.db, { userId: f.user.id, documentId: f.documentId, file: checked(pdfBytes("v2")), quotaBytes: 1e9, now: NOW }).then(succeeded),
  "lib/data/documents.ts#deleteDocument": (f) => deleteDocument(f.db, { userId: f.user.id, documentId: f.documentId }),
  "lib/data/document-attachments.ts#attachVersion": (f) =>
    attachVersion(f.db, { userId: f.user.id, versionId: f.versionId, applicationId: f.applicationId, roundId: f.roundId, now: NOW }),
  "lib/data/document-attachments.ts#detachDocument": (f) => detachDocument(f.db, { userId: f.user.id, attachmentId: f.attachmentId }),
  "lib/data/document-attachments.ts#createApplicationWithDocument": (f) =>
    createApplicationWithDocument(f.db, { userId: f.user.id, input: { company: "Globex", roleTitle: "Lead", status: "applied" }, versionId: f.versionId, now: NOW }),
  "lib/data/library-restore.ts#restoreLibrary": (f) =>
    write(f.db, { userId: f.ben.id }, (tx) =>
      restoreLibrary(tx, { userId: f.ben.id, documents: f.backup.documents ?? [], files: f.files, ids: new Map(), quotaBytes: 1e9 }),
    ),
  "lib/data/guidance-store.ts#storeParts": (f) => storeParts(f.db, { userId: f.user.id, parts: new Map([[f.applicationId, { stamp: PART_STAMP, part: EMPTY_PART }]]) }),
  // Failed, its parts are queued again: the healthy run writes them.
  "lib/data/guidance-store.ts#flushStoredParts": (f) => {
    startWriteBack(f.db, { afterMs: Infinity });
    queueParts(f.db, { userId: f.user.id, stamp: PART_STAMP, parts: [[f.applicationId, EMPTY_PART]] });
    return flushStoredParts(f.db);
  },
  "db/health.ts#probeStorage": (f) => probeStorage(f.db, NOW),
  "db/health.ts#touchHealthProbe": (f) => touchHealthProbe(f.db, NOW),
  ...API_WRITE_CASES,
  ...REMINDER_WRITE_CASES,
  ...RESET_WRITE_CASES,
  ...SIGN_UP_WRITE_CASES,
};

/** Write functions below lib/, which the source scan does not read. */
const FOUNDATION_WRITES = ["db/health.ts#probeStorage", "db/health.ts#touchHealthProbe"];

/** What a health probe says is its result; everything else reports failure by throwing. */
const REPORTS_FAILURE_AS_RESULT = new Set(["db/health.ts#probeStorage", ...API_FAILURE_AS_RESULT]);

type Outcome = { threw: unknown } | { returned: unknown };
async function outcomeOf(run: () => unknown): Promise<Outcome> {
  try {
    return { returned: await run() };
  } catch (error) {
    return { threw: error };
  }
}

let fixture: Fixture;
let importPlan: ImportPlan;
let log: ReturnType<typeof captureLog>;
let pushService: Awaited<ReturnType<typeof startGonePushService>>;

beforeAll(async () => {
  // Plain data, so one plan serves every test.
  const bytes = importFixture("linkedin-job-applications.csv");
  importPlan = planFromAnalysis(await analysed(bytes), { name: "Job Applications.csv", hash: fileHash(bytes) });
});

beforeEach(async () => {
  log = captureLog(); // the security log's lines, kept off the test output
  const db = testDb();
  const ana = await makeUser(db, "ana@example.com"); // no time zone yet, so adoptTimeZone writes
  const { app, round2 } = await thankYouOwed(db, ana.id);
  const eventId = await logOk(db, ana.id, app.id, eventInput("follow_up_sent", fromNow(-2 * HOUR).toISOString()));
  const offerApp = await createApplication(db, { userId: ana.id, input: { company: "Initech", roleTitle: "Lead", status: "interviewing" } });
  const offerEventId = await logOk(db, ana.id, offerApp.id, eventInput("offer_received", fromNow(-3 * HOUR).toISOString()));
  await createOrRegenerateCalendarFeed(db, { userId: ana.id, now: NOW });
  const keys = signInKeys(ana.email, ADDRESS);
  await countAttempt(db, { keys, now: NOW });
  // Contacts no round mentions, for pruneContacts to remove and mergeInterviewers to fold together.
  const contactIds = await write(db, { userId: ana.id }, (tx) =>
    upsertInterviewers(tx, { userId: ana.id, company: "Globex", people: [{ name: "Jo Park" }, { name: "Bo Park", title: "CTO" }] }),
  );
  // A dismissed step, for restoreStep to bring back.
  await write(db, { userId: ana.id }, async (tx) => {
    await tx.insert(guidanceSteps).values({ userId: ana.id, applicationId: app.id, key: PUT_ASIDE_KEY, state: "dismissed" });
  });

  // Two-factor: on for Ana since ten minutes ago (that step is used up, NOW's is not); Ben's set-up waits for its first code.
  const setUpAt = fromNow(-10 * MINUTE);
  const { secret, recoveryCodes, recoveryCodeHashes } = await twoFactorOnWithoutPassword(db, ana.id, setUpAt);
  const ben = await makeUser(db, "ben@example.com");
  await startTwoFactorSetup(db, { userId: ben.id, now: setUpAt });
  const bensSecret = await pendingTwoFactorSecret(db, { userId: ben.id });
  const bensPending = await getTwoFactor(db, { userId: ben.id });
  if (!bensSecret || !bensPending) throw new Error("no pending secret");

  const device = (userAgent: string, at: Date) => createSession(db, { userId: ana.id, userAgent, address: ADDRESS, now: at });
  const otherSessionId = await device("Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1", fromNow(-HOUR));
  const sessionId = await device("Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0", fromNow(-10 * MINUTE));
  // Last: recording a session clears the user's expired ones.
  const expiredSessionId = await device("Mozilla/5.0 (Windows NT 10.0) Chrome/120.0", fromNow(-SESSION_ABSOLUTE_LIMIT_MS));

  const other = await createApplication(db, { userId: ana.id, input: { company: "Initrode", roleTitle: "Analyst", status: "applied" } });
  const undoId = (await bulkApply(db, { userId: ana.id, ids: [other.id], action: { kind: "status", status: "ghosted" }, now: NOW })).undo?.id;
  if (!undoId) throw new Error("no undo record");

  const cv = await uploadDocument(db, ana.id, { now: NOW });
  const attachmentId = await attachVersion(db, { userId: ana.id, versionId: cv.versionId, applicationId: app.id, roundId: null, now: NOW });
  if (!attachmentId) throw new Error("no attachment");

  const backup = readShortlistJson(JSON.stringify(await exportDocument(db, { userId: ana.id, now: NOW })));
  if (!backup.ok) throw new Error(backup.message);

  const expired = await createAccessToken(db, { userId: ana.id, name: "old agent", scope: "read", expiresAt: fromNow(-HOUR), now: fromNow(-2 * HOUR) });
  const live = await createAccessToken(db, { userId: ana.id, name: "agent", scope: "write", expiresAt: null, now: NOW });
  if (!expired.ok || !live.ok) throw new Error("no tokens");
  pushService = await startGonePushService();
  const goneEndpoint = `${pushService.url}/push/ana-phone`;
  const claimed = await prepareReminders(db, { anaId: ana.id, benId: ben.id, goneEndpoint });
  const resetToken = await prepareReset(db, { anaId: ana.id });
  const signUpToken = await prepareSignUp(db);

  fixture = {
    db,
    expiredToken: expired.token,
    tokenId: live.listing.id,
    liveToken: live.token,
    user: { id: ana.id, email: ana.email, timeZone: "UTC" },
    applicationId: app.id,
    roundId: round2,
    eventId,
    offerEventId,
    keys,
    sessionVersion: ana.sessionVersion,
    sessionId,
    otherSessionId,
    expiredSessionId,
    code: codeAt(secret, NOW),
    recoveryCode: recoveryCodes[0],
    recoveryCodeHash: recoveryCodeHashes[0],
    challenge: issueChallenge({ userId: ana.id, sessionVersion: ana.sessionVersion }, NOW),
    ben: { id: ben.id, email: ben.email, code: codeAt(bensSecret, NOW), secretSealed: bensPending.secretSealed },
    backup: backup.document,
    plan: importPlan,
    contactIds: [contactIds[0], contactIds[1]],
    undoId,
    documentId: cv.documentId,
    versionId: cv.versionId,
    attachmentId,
    files: Object.fromEntries((backup.document.documents ?? []).flatMap((d) => d.versions.map((v) => [v.path, pdfBytes()]))),
    claimed,
    goneEndpoint,
    resetToken,
    signUpToken,
  };
});
afterEach(async () => {
  log.restore();
  await pushService.close();
});

describe("a write whose commit fails is never reported as saved", () => {
  const found = [...new Set([...exportedWriteFunctions().map((f) => f.key), ...FOUNDATION_WRITES])].sort();

  it("has a case for every write function the source holds, and none for one that is gone", () => {
    expect(found.length).toBeGreaterThan(20);
    expect(Object.keys(CASES).sort()).toEqual(found);
  });

  // About SQLite's driver: on its own SQLite database in either run (Postgres reports the failed COMMIT of an autocommit statement).
  it("the fault is the full-disk one: an autocommit INSERT … RETURNING read with .get() confirms a row it then loses", () => {
    const { sqlite, close } = openDatabase(":memory:");
    const fault = failSqliteCommits(sqlite);
    const row = sqlite.prepare("insert into sign_in_throttle (key, failures, window_started_at) values ('lost', 1, 0) returning key").get();
    fault.restore();
    expect(row).toEqual({ key: "lost" });
    expect(sqlite.prepare("select count(*) n from sign_in_throttle where key = 'lost'").get()).toEqual({ n: 0 });
    close();
  });

  it.each(found)("%s reports the failure and leaves every row as it was", async (key) => {
    const run = CASES[key];
    expect(run, `no commit-failure case for ${key}`).toBeDefined();
    const before = await everyRow(fixture.db);

    const fault = await failCommits(fixture.db);
    const failed = await outcomeOf(() => run(fixture));
    await fault.restore();

    if (REPORTS_FAILURE_AS_RESULT.has(key)) {
      expect(failed).toEqual({ returned: { ok: false, reason: "failed" } });
    } else {
      expect("threw" in failed ? failed.threw : failed.returned).toBeInstanceOf(StorageError);
    }
    expect(await leftInTransaction(fixture.db)).toBe(false);
    expect(await everyRow(fixture.db)).toEqual(before);

    // The same call writes once the fault is gone: the case really writes, and the connection is usable.
    const healthy = await outcomeOf(() => run(fixture));
    expect(healthy).not.toHaveProperty("threw");
    expect(await everyRow(fixture.db)).not.toEqual(before);
  });
});

describe("the writes allowed to fail quietly", () => {
  // An access token's "last used" time is the same kind of courtesy: a full disk must not refuse an agent's read.
  it("checkAccessToken lets a live token through when its \"last used\" write fails, and saves the time once it can", async () => {
    const check = () => checkAccessToken(fixture.db, { token: fixture.liveToken, now: NOW });
    const before = await everyRow(fixture.db);
    const fault = await failCommits(fixture.db);
    const failed = await check();
    await fault.restore();
    expect(failed).toMatchObject({ ok: true, holder: { user: { id: fixture.user.id } } });
    expect(await leftInTransaction(fixture.db)).toBe(false);
    expect(await everyRow(fixture.db)).toEqual(before);
    expect(await check()).toMatchObject({ ok: true });
    expect(await fixture.db.select({ lastUsedAt: accessTokens.lastUsedAt }).from(accessTokens).where(eq(accessTokens.id, fixture.tokenId))).toEqual([{ lastUsedAt: NOW }]);
  });

  // checkSession's case above is the expired session, whose delete is reported when it does not commit. A live
  // session's "last seen" time is different by design: a courtesy, written at most every few minutes, whose
  // failure must not fail the page the user asked for (lib/data/sessions.ts#touchSession). What the contract asks
  // of it is the other half: it never claims the time was saved, and nothing is left half-written.
  it("checkSession still lets a live session through when its \"last seen\" write fails, and saves the time once it can", async () => {
    const check = () => checkSession(fixture.db, { userId: fixture.user.id, sessionId: fixture.sessionId, sessionVersion: fixture.sessionVersion, now: NOW });
    const lastSeen = () => fixture.db.select({ lastSeenAt: sessions.lastSeenAt }).from(sessions).where(eq(sessions.id, fixture.sessionId));
    const before = await everyRow(fixture.db);

    const fault = await failCommits(fixture.db);
    const failed = await check();
    await fault.restore();

    expect(failed).toMatchObject({ ok: true, user: { id: fixture.user.id } });
    expect(await leftInTransaction(fixture.db)).toBe(false);
    expect(await everyRow(fixture.db)).toEqual(before);
    const warning = { log: "server", level: "warn", message: "session last-seen time not saved", error: "StorageError" };
    expect(log.lines()).toContainEqual(expect.objectContaining(warning));

    expect(await check()).toMatchObject({ ok: true });
    expect(await lastSeen()).toEqual([{ lastSeenAt: NOW }]);
  });
});
