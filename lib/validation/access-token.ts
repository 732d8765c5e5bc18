import { z } from "zod";
import { requiredText } from "./fields";

/** How long a new token lasts: a choice of four, as the form offers them. */
export const TOKEN_EXPIRIES = ["30", "90", "365", "never"] as const;
export type TokenExpiry = (typeof TOKEN_EXPIRIES)[number];

export const accessTokenSchema = z.object({
  name: requiredText("Token name", 80),
  scope: z.enum(["read", "write"], { error: "Choose what the token may do." }),
  expiry: z.enum(TOKEN_EXPIRIES, { error: "Choose when the token expires." }),
});

export type AccessTokenField = keyof z.infer<typeof accessTokenSchema>;
