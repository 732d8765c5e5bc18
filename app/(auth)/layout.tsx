import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { readThemeChoice } from "@/lib/theme-cookie";
import { ThemeToggle } from "../_components/theme-toggle";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await currentUser()) redirect("/");
  const theme = await readThemeChoice();
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex justify-end px-4 pt-4">
        <ThemeToggle current={theme} />
      </header>
      <main className="flex flex-1 flex-col items-center justify-center px-4 pt-6 pb-12">
        <p className="mb-6 flex items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-100">
          <span aria-hidden className="inline-block h-7 w-7 rounded-md bg-brand-600 dark:bg-brand-400" />
          Shortlist
        </p>
        <div className="card w-full max-w-md p-6 sm:p-8">{children}</div>
        <p className="mt-6 max-w-md text-center text-sm text-slate-600 dark:text-slate-400">
          Track every application and interview round, and get next steps that explain themselves.
        </p>
      </main>
    </div>
  );
}
