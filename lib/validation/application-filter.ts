import { z } from "zod";
import { APPLICATION_STATUSES } from "@/lib/vocabulary";

export const APPLICATION_SORTS = ["updated", "applied", "company"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

// Query strings are typed by hand: anything unexpected falls back to the
// default instead of failing the page.
export const applicationFilterSchema = z.object({
  q: z.preprocess(first, z.string().max(200).optional()).catch(undefined),
  status: z.preprocess(first, z.enum(APPLICATION_STATUSES).optional()).catch(undefined),
  sort: z.preprocess(first, z.enum(APPLICATION_SORTS).default("updated")).catch("updated"),
  archived: z.preprocess(first, z.literal("1").optional()).catch(undefined),
});
export type ApplicationFilterParams = z.infer<typeof applicationFilterSchema>;
