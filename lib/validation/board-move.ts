import { z } from "zod";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";

/** A card moved on the board; the id is checked against the session's user afterwards. */
export const boardMoveSchema = z.object({
  applicationId: z
    .string({ error: "This card has lost its application: reload the board." })
    .trim()
    .min(1, "This card has lost its application: reload the board.")
    .max(100, "This card has lost its application: reload the board."),
  status: z.enum(APPLICATION_STATUSES, { error: "Choose a column to move it to." }),
});
export type BoardMove = z.infer<typeof boardMoveSchema>;
