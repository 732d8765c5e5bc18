import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await currentUser()) redirect("/");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <p className="mb-6 flex items-center gap-2 text-2xl font-semibold tracking-tight text-slate-900">
        <span aria-hidden className="inline-block h-7 w-7 rounded-md bg-brand-600" />
        Shortlist
      </p>
      <div className="card w-full max-w-md p-6 sm:p-8">{children}</div>
      <p className="mt-6 max-w-md text-center text-sm text-slate-600">
        Track every application and interview round, and get next steps that explain themselves.
      </p>
    </main>
  );
}
