import Link from "next/link";
import { requireUser } from "@/lib/auth/current-user";
import { readThemeChoice } from "@/lib/theme-cookie";
import { ThemeToggle } from "../_components/theme-toggle";
import { signOutAction } from "./actions";
import { requestLocale } from "@/app/(app)/request-dates";
import { AdoptDeviceTimeZone } from "./_components/adopt-device-time-zone";
import { RecordBrowserLocale } from "./_components/record-browser-locale";
import { NavLinks } from "./_components/nav-links";
import { PhoneMenu } from "./_components/phone-menu";
import { UndoToastProvider } from "./_components/undo/undo-toast-provider";

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const theme = await readThemeChoice();
  const browserLocale = await requestLocale();
  return (
    <div className="min-h-screen">
      {user.timeZoneChosen ? null : <AdoptDeviceTimeZone />}
      {browserLocale && browserLocale !== user.seenLocale ? <RecordBrowserLocale /> : null}
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-slate-900 dark:focus:bg-slate-800 dark:focus:text-slate-100"
      >
        Skip to content
      </a>
      {/* One row on a phone (about 58 px): the links and Sign out move into the menu there. */}
      <header className="relative border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900" data-testid="app-header">
        <div className="mx-auto flex max-w-6xl items-center gap-x-6 gap-y-2 px-4 py-2 sm:flex-wrap sm:py-3 [:root:has([data-wide-page])_&]:max-w-[100rem]">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-brand-600 dark:bg-brand-400" />
            Shortlist
          </Link>
          <NavLinks />
          <div className="ml-auto flex items-center gap-2 text-sm sm:gap-3">
            <span className="hidden text-slate-700 2xl:inline dark:text-slate-300" data-testid="signed-in-as">
              <bdi>{user.name}</bdi>
            </span>
            <ThemeToggle current={theme} />
            <form action={signOutAction} className="hidden sm:block">
              <button type="submit" className="btn-secondary h-10 px-3 py-1.5">
                Sign out
              </button>
            </form>
            <PhoneMenu>
              <form action={signOutAction}>
                <button type="submit" className="btn-secondary w-full">
                  Sign out
                </button>
              </form>
            </PhoneMenu>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none sm:py-8 has-[[data-wide-page]]:max-w-[100rem]">
        <UndoToastProvider>{children}</UndoToastProvider>
      </main>
    </div>
  );
}
