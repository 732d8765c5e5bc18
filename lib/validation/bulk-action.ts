import { z } from "zod";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";

/** Past this a selection is not a person's clicking: the list's own pages hold 100 at most. */
export const MAX_PICKED = 1_000;

/**
 * What the list's bulk bar posts: the ticked ids, or "every application
 * these filters match" with the count the user confirmed. Ids are checked
 * against the session's user afterwards; the count against the list now.
 */
export const bulkActionSchema = z.object({
  action: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("status"), status: z.enum(APPLICATION_STATUSES, "Choose a status to move them to.") }),
    z.object({ kind: z.literal("archive") }),
    z.object({ kind: z.literal("delete") }),
  ]),
  selection: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("picked"), ids: z.array(z.string().min(1).max(100)).min(1, "Select at least one application.").max(MAX_PICKED) }),
    z.object({ kind: z.literal("matching"), query: z.string().max(2_000), expected: z.number().int().min(1) }),
  ]),
});
export type BulkActionInput = z.infer<typeof bulkActionSchema>;
