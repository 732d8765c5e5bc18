import { z } from "zod";
import { MAX_PICKED } from "./bulk-action";

/** The applications ticked in Today's "heard nothing" item. */
export const moveOnSchema = z.object({
  ids: z.array(z.string().min(1).max(100)).min(1, "Tick at least one application to mark it as ghosted.").max(MAX_PICKED),
});
