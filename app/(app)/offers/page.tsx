import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { listOpenOffers } from "@/lib/data/offer-terms";
import { requireReader } from "@/app/(app)/request-dates";
import { OfferTable } from "./_components/offer-table";

export const metadata: Metadata = { title: "Compare offers" };

/** The open offers side by side, linked from the dashboard once there are two. */
export default async function OffersPage() {
  const user = await requireReader();
  const offers = await listOpenOffers(getDb(), { userId: user.id });
  const now = new Date();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
          ← Dashboard
        </Link>
      </nav>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Compare offers</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-700 dark:text-slate-300">
          Each open offer&rsquo;s terms, when it must be answered, and how much you wanted the job. Add or correct terms
          by editing the offer on its application&rsquo;s timeline.
        </p>
      </header>
      {offers.length >= 2 ? (
        <OfferTable offers={offers} now={now} dates={user.dates} />
      ) : (
        <p className="card p-4 text-sm text-slate-700 dark:text-slate-300" data-testid="offers-empty">
          {offers.length === 1
            ? `One offer is open (${offers[0].company}). A comparison needs two: when another comes in, log it on its application and it appears here beside this one.`
            : "No offer is open. When one comes in, log it on its application with its terms and answer-by date; with two or more, they are compared here."}{" "}
          <Link href="/applications?status=offer" className="text-brand-700 underline underline-offset-2 dark:text-brand-300">
            Applications at offer
          </Link>
        </p>
      )}
    </div>
  );
}
