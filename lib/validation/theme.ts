import { z } from "zod";
import { THEME_CHOICES } from "@/lib/theme";

export const themeChoiceSchema = z.object({
  theme: z.enum(THEME_CHOICES, { error: "Choose System, Light or Dark." }),
});
