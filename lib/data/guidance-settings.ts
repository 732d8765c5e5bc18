import "server-only";
import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open";
import { guidanceSettings } from "@/db/schema";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";
import { write } from "./write";

export function getGuidanceSettings(db: Queryable, userId: string): GuidanceSettings {
  const row = db
    .select({
      thankYouWindowHours: guidanceSettings.thankYouWindowHours,
      decisionWaitDays: guidanceSettings.decisionWaitDays,
      followUpSpacingDays: guidanceSettings.followUpSpacingDays,
      moveOnFollowUps: guidanceSettings.moveOnFollowUps,
      prepLeadDays: guidanceSettings.prepLeadDays,
      applicationFollowUpDays: guidanceSettings.applicationFollowUpDays,
    })
    .from(guidanceSettings)
    .where(eq(guidanceSettings.userId, userId))
    .get();
  return row ?? { ...DEFAULT_GUIDANCE_SETTINGS };
}

export function saveGuidanceSettings(db: Queryable, userId: string, settings: GuidanceSettings): void {
  const values = { ...settings, updatedAt: new Date() };
  write(db, (tx) =>
    tx
      .insert(guidanceSettings)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: guidanceSettings.userId, set: values })
      .run(),
  );
}
