import { BRITISH, formatsFor, type DateFormat } from "@/lib/time/formats";
import type { GuidanceInput } from "./input";

/**
 * How this input's user reads dates: their locale and clock, in their zone.
 * They come in with the input; the engine asks no request or browser.
 * Absent, dates read as they always have ("Wed 2 Dec 2026, 14:00").
 */
export const datesOf = (input: Pick<GuidanceInput, "timeZone" | "dates">): DateFormat => formatsFor({ ...(input.dates ?? BRITISH), zone: input.timeZone });
