import { BRITISH, formatsFor, type DateFormat } from "@/lib/time/formats";
import type { GuidanceInput } from "./input";

/**
 * How this input's user reads dates: their locale and clock, in their zone.
 * They come in with the input; the engine asks no request or browser.
 * Absent, dates read as they always have ("Wed 2 Dec 2026, 14:00").
 */
export function datesOf(input: Pick<GuidanceInput, "timeZone" | "dates">): DateFormat {
  // Asked for every date in every reason: remembered per input, which never changes.
  let formats = known.get(input);
  if (!formats) known.set(input, (formats = formatsFor({ ...(input.dates ?? BRITISH), zone: input.timeZone })));
  return formats;
}
const known = new WeakMap<object, DateFormat>();
