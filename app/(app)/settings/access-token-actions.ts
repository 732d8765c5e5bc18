"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { requestContext } from "@/lib/auth/request-context";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { issueAccessToken, revokeListedAccessToken } from "@/lib/auth/access-tokens";
import { MAX_TOKENS_PER_USER } from "@/lib/data/access-tokens";
import { formField } from "@/lib/forms/form-field";
import type { FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import { DAY_MS } from "@/lib/time/units";
import { accessTokenSchema, type AccessTokenField } from "@/lib/validation/access-token";

/** The form's answer; `token` is there once, in the answer to the request that made it. */
export type TokenFormState = FormState<AccessTokenField> & { token?: string };

const created = validatedActionWithUser<typeof accessTokenSchema, AccessTokenField>(
  accessTokenSchema,
  async (data, user) => {
    const now = new Date();
    const expiresAt = data.expiry === "never" ? null : new Date(now.getTime() + Number(data.expiry) * DAY_MS);
    const { address } = await requestContext();
    const result = await issueAccessToken(getDb(), { userId: user.id, name: data.name, scope: data.scope, expiresAt, now, address });
    if (!result.ok) return { message: `You have ${MAX_TOKENS_PER_USER} tokens already: revoke one you no longer use first.` };
    revalidatePath("/settings");
    return { message: `Made “${data.name}”. Copy it now: it is shown only this once.`, token: result.token } as TokenFormState;
  },
  { keepValues: true },
);

export async function createAccessTokenAction(previous: TokenFormState, formData: FormData): Promise<TokenFormState> {
  return created(previous, formData);
}

/** "Revoke" beside a token. The id comes from the form: another user's, or one gone already, is a 404. */
export async function revokeAccessTokenAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const id = formField(formData, "tokenId");
  return saveOrExplain("token revocation", {}, async () => {
    const { address } = await requestContext();
    if (!(await revokeListedAccessToken(getDb(), { userId: user.id, id, address }))) return notFoundFor(user.id, { kind: "access-token", id });
    revalidatePath("/settings");
    return { message: "Revoked. Anything using that token is refused from now on." };
  });
}
