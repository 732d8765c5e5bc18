import { getTableName, type Table } from "drizzle-orm";
import { applications, events, guidanceSettings, guidanceSteps, interviewers, roundInterviewers, rounds, roundSignals, users } from "@/db/schema";

/**
 * How a write to a table the guidance reads reaches the cached parts:
 * one application (its own row or one it points at), every application
 * through a round or a person, or every application of the user at once.
 */
export type Reach = "application" | "round" | "person" | "user-wide";

/**
 * Every table loadGuidanceInputs reads, with what a write to it invalidates.
 * Migration 0011's triggers implement exactly this; the cache test checks
 * the list against the SQL the loader runs and the triggers in the schema,
 * so a new input or a dropped trigger fails a test rather than serving stale
 * steps. Only `time_zone` of users is read (the reader's zone).
 */
const GUIDANCE_TABLES: readonly { table: Table; reach: Reach; columns?: readonly string[] }[] = [
  { table: applications, reach: "application" },
  { table: rounds, reach: "application" },
  { table: events, reach: "application" },
  { table: guidanceSteps, reach: "application" },
  { table: roundSignals, reach: "round" },
  { table: roundInterviewers, reach: "round" },
  { table: interviewers, reach: "person" },
  { table: guidanceSettings, reach: "user-wide" },
  { table: users, reach: "user-wide", columns: ["time_zone"] },
];

export const guidanceTables = GUIDANCE_TABLES.map(({ table, reach, columns }) => ({ name: getTableName(table), reach, columns }));
