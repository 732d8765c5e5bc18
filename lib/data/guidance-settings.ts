import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { guidanceSettings } from "@/db/schema";
import { write } from "@/db/write";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";

export async function getGuidanceSettings(db: Db, { userId }: { userId: string }): Promise<GuidanceSettings> {
  const [row] = await db
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
    .limit(1);
  return row ?? { ...DEFAULT_GUIDANCE_SETTINGS };
}

export async function saveGuidanceSettings(db: Db, { userId, settings }: { userId: string; settings: GuidanceSettings }): Promise<void> {
  const values = { ...settings, updatedAt: new Date() };
  await write(db, { userId }, async (tx) => {
    await tx
      .insert(guidanceSettings)
      .values({ userId, ...values })
      .onConflictDoUpdate({ target: guidanceSettings.userId, set: values });
  });
}
