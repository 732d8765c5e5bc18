import { z } from "zod";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";

const UNREADABLE = "The column and status choices couldn't be read. Reload the page and choose the file again.";

/** The page's choices, sent as JSON beside the file: the column mapping and a status for each stage name. */
export const importOptionsSchema = z.object(
  {
    mapping: z
      .array(z.enum([...IMPORT_FIELDS, "ignore"], { error: "Choose a field from the list for every column." }), { error: UNREADABLE })
      .max(1000, "Shortlist reads files of up to 1,000 columns.")
      .optional(),
    statuses: z.record(z.string().max(300), z.enum(APPLICATION_STATUSES, { error: "Choose a status from the list for every stage." }), { error: UNREADABLE }).optional(),
  },
  { error: UNREADABLE },
);
