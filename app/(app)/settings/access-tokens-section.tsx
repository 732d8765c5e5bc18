import type { AccessTokenListing } from "@/lib/data/access-tokens";
import { formatsFor, type DateStyle } from "@/lib/time/formats";
import { AccessTokenForm } from "./access-token-form";
import { AccessTokenList, type TokenLine } from "./access-token-list";

const SCOPE_LABELS = { read: "Read only", write: "Read and write" } as const;

/** Tokens for the API and the MCP server: made here, shown once, listed with their last use, revoked in one click. */
export function AccessTokensSection({ tokens, dates, now, origin }: { tokens: AccessTokenListing[]; dates: DateStyle; now: Date; origin: string }) {
  const formats = formatsFor(dates);
  const lines: TokenLine[] = tokens.map((t) => {
    const expired = t.expiresAt !== null && t.expiresAt.getTime() <= now.getTime();
    return {
      id: t.id,
      name: t.name,
      scope: SCOPE_LABELS[t.scope],
      created: formats.dateTime(t.createdAt),
      lastUsed: t.lastUsedAt ? `last used ${formats.dateTime(t.lastUsedAt)}` : "never used",
      expires: t.expiresAt === null ? "never expires" : `${expired ? "expired" : "expires"} ${formats.dateTime(t.expiresAt)}`,
      expired,
    };
  });
  return (
    <section aria-labelledby="tokens-heading" className="card p-4 sm:p-6">
      <h2 id="tokens-heading" className="text-lg font-semibold">
        Access tokens
      </h2>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
        Let an AI agent (Claude, Cursor, any MCP client) or your own script read your applications and next steps, and with a
        read-and-write token log rounds and events for you. A token acts as you, on this account only. Signing out everywhere or
        changing your password revokes every token.
      </p>
      <dl className="mt-3 mb-4 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-medium">MCP server</dt>
        <dd className="font-mono text-xs break-all sm:text-sm" data-testid="mcp-url">{`${origin}/api/mcp`}</dd>
        <dt className="font-medium">HTTP API</dt>
        <dd className="font-mono text-xs break-all sm:text-sm">
          <a className="underline" href="/api/v1/openapi.json">{`${origin}/api/v1`}</a>
        </dd>
      </dl>
      <AccessTokenForm />
      <AccessTokenList lines={lines} />
    </section>
  );
}
