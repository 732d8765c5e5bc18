import { relations, sql } from "drizzle-orm";
import { check, index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

export const APPLICATION_STATUSES = [
  "saved",
  "applied",
  "screening",
  "interviewing",
  "offer",
  "accepted",
  "rejected",
  "withdrawn",
  "ghosted",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const WORK_MODES = ["remote", "hybrid", "onsite"] as const;
export type WorkMode = (typeof WORK_MODES)[number];

export const SALARY_PERIODS = ["year", "month", "hour"] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

const createdAt = () =>
  integer("created_at", { mode: "timestamp" }).notNull().default(sql`(unixepoch())`);

// ---------------------------------------------------------------- tables

export const users = sqliteTable("users", {
  id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  // Bumped by "sign out everywhere" and password changes; every session
  // carries the value it was issued with and dies when they differ.
  sessionVersion: integer("session_version").notNull().default(1),
  createdAt: createdAt(),
});

// Fixed-window counters of failed sign-ins, keyed by "account:<email>" or
// "client:<address>". Rows expire by time; nothing here is permanent.
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
});

export const applications = sqliteTable(
  "applications",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    company: text("company").notNull(),
    roleTitle: text("role_title").notNull(),
    location: text("location"),
    workMode: text("work_mode", { enum: WORK_MODES }),
    postingUrl: text("posting_url"),
    source: text("source"),
    salaryMin: integer("salary_min"),
    salaryMax: integer("salary_max"),
    salaryCurrency: text("salary_currency"),
    salaryPeriod: text("salary_period", { enum: SALARY_PERIODS }),
    status: text("status", { enum: APPLICATION_STATUSES }).notNull().default("saved"),
    // A calendar date (YYYY-MM-DD), not an instant: it has no time zone.
    appliedOn: text("applied_on"),
    excitement: integer("excitement"),
    notes: text("notes"),
    archivedAt: integer("archived_at", { mode: "timestamp" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(cast(unixepoch('subsec') * 1000 as integer))`),
  },
  (t) => [
    index("applications_user_updated_idx").on(t.userId, t.updatedAt),
    index("applications_user_status_idx").on(t.userId, t.status),
    check("applications_excitement_range", sql`${t.excitement} is null or ${t.excitement} between 1 and 5`),
  ],
);

// ---------------------------------------------------------------- relations

export const usersRelations = relations(users, ({ many }) => ({
  applications: many(applications),
}));

export const applicationsRelations = relations(applications, ({ one }) => ({
  user: one(users, { fields: [applications.userId], references: [users.id] }),
}));

// ---------------------------------------------------------------- types

export type User = typeof users.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type NewApplication = typeof applications.$inferInsert;
