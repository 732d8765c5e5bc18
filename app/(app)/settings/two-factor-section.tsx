import QRCode from "qrcode";
import type { Reader } from "@/app/(app)/request-dates";
import { groupedSecret, RECOVERY_CODE_COUNT, totpUri } from "@/lib/auth/totp";
import type { TwoFactorStatus } from "@/lib/auth/two-factor";
import { formatsFor } from "@/lib/time/formats";
import { SubmitButton } from "@/app/_components/submit-button";
import { startTwoFactorSetupAction } from "./two-factor-actions";
import { RenewRecoveryCodesForm, TurnOffTwoFactorForm } from "./two-factor-forms";
import { TwoFactorSetup } from "./two-factor-setup";

/** The QR code is drawn here, on the server, as an SVG data URL: no script, and within the CSP's img-src. */
async function qrDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** Settings → "Two-factor sign-in": off, waiting for its first code, or on. */
export async function TwoFactorSection({ user, status, turnedOff }: { user: Reader; status: TwoFactorStatus; turnedOff: boolean }) {
  return (
    <section aria-labelledby="two-factor-heading" className="card p-4 sm:p-6">
      <h2 id="two-factor-heading" tabIndex={-1} className="text-lg font-semibold focus:outline-none">
        Two-factor sign-in
      </h2>
      {status.kind === "on" ? (
        <>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            <span className="font-medium text-slate-900 dark:text-slate-100">On</span> since {formatsFor(user.dates).longDate(status.enabledAt)}.
            Signing in asks for a code from your authenticator app after your password.{" "}
            {status.recoveryCodesLeft} of {RECOVERY_CODE_COUNT} recovery codes are unused.
          </p>
          <RenewRecoveryCodesForm />
          <TurnOffTwoFactorForm />
        </>
      ) : status.kind === "pending" ? (
        <TwoFactorSetup qrDataUrl={await qrDataUrl(totpUri(status.secret, user.email))} secretText={groupedSecret(status.secret)} />
      ) : (
        <>
          {turnedOff ? (
            <p role="status" className="mt-2 rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
              Two-factor sign-in is off. Your password alone signs you in now.
            </p>
          ) : null}
          <p className="mt-1 mb-4 text-sm text-slate-700 dark:text-slate-300">
            Off. With it on, signing in also needs a 6-digit code from an authenticator app on your phone (such as Google
            Authenticator, Microsoft Authenticator, 1Password or Aegis), so a leaked password alone is not enough.
          </p>
          <form action={startTwoFactorSetupAction}>
            <SubmitButton pendingText="Starting…" className="btn-secondary">
              Set up two-factor sign-in
            </SubmitButton>
          </form>
        </>
      )}
    </section>
  );
}
