import { z } from "zod";

/** What Undo posts: the record's id, nothing else (the user comes from the session). */
export const undoSchema = z.object({ id: z.uuid("That cannot be undone.") });
