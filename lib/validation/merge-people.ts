import { z } from "zod";

const id = (message: string) => z.string({ error: message }).trim().min(1, message).max(100, message);

/** The People page's merge: whom to keep, and whom to fold into them. */
export const mergePeopleSchema = z
  .object({
    keepId: id("Open the person to keep, then merge."),
    mergeId: id("Choose the person to merge into this one."),
  })
  .refine((v) => v.keepId !== v.mergeId, { path: ["mergeId"], message: "Choose someone else: a person can't be merged into themselves." });

export type MergePeopleField = "keepId" | "mergeId";
