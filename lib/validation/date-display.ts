import { z } from "zod";
import { HOUR_CYCLES, supportedLocale } from "@/lib/time/locale";

const AUTOMATIC = "auto";

/** Settings → Dates and times: "auto" for either means follow the browser. */
export const dateDisplaySchema = z.object({
  locale: z
    .string({ error: "Choose a language and region." })
    .trim()
    .max(40, "Choose a language and region from the list.")
    .transform((value, ctx) => {
      if (value === AUTOMATIC || value === "") return null;
      const locale = supportedLocale(value);
      if (!locale) {
        ctx.addIssue({ code: "custom", message: "Choose a language and region from the list." });
        return z.NEVER;
      }
      return locale;
    }),
  hourCycle: z
    .enum([AUTOMATIC, ...HOUR_CYCLES], { error: "Choose a clock from the list." })
    .transform((value) => (value === AUTOMATIC ? null : value)),
});

export type DateDisplayField = keyof z.input<typeof dateDisplaySchema>;
export { AUTOMATIC };
