"use client";

import { useActionState, useEffect, useRef } from "react";
import { SubmitButton } from "@/app/_components/submit-button";
import { revokeAccessTokenAction } from "./access-token-actions";

export type TokenLine = { id: string; name: string; scope: string; created: string; expires: string; lastUsed: string; expired: boolean };

export function AccessTokenList({ lines }: { lines: TokenLine[] }) {
  const [revoked, revoke] = useActionState(revokeAccessTokenAction, {});
  const status = useRef<HTMLParagraphElement>(null);
  // The revoked line (and its focused button) goes: focus moves to what happened.
  useEffect(() => {
    if (revoked.message) status.current?.focus();
  }, [revoked]);
  return (
    <div className="mt-6 border-t border-slate-200 pt-4 dark:border-slate-700">
      <h3 className="mb-2 font-medium">Your tokens</h3>
      {revoked.message ? (
        <p ref={status} role="status" tabIndex={-1} className="mb-3 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 focus:outline-none dark:border-green-800 dark:bg-green-950 dark:text-green-200">
          {revoked.message}
        </p>
      ) : null}
      {lines.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">No tokens yet. Make one above to connect an agent or a script.</p>
      ) : (
        <ul className="divide-y divide-slate-200 dark:divide-slate-700" aria-label="Access tokens">
          {lines.map((line) => (
            <li key={line.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium break-words">
                  {line.name}
                  <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-100">{line.scope}</span>
                </p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  Made {line.created} · {line.lastUsed} · <span className={line.expired ? "font-medium text-red-700 dark:text-red-300" : undefined}>{line.expires}</span>
                </p>
              </div>
              <form action={revoke}>
                <input type="hidden" name="tokenId" value={line.id} />
                <SubmitButton pendingText="Revoking…" className="btn-secondary" accessibleLabel={`Revoke the token ${line.name}`}>
                  Revoke
                </SubmitButton>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
