import "server-only";
import type { Db } from "@/db/open";
import { peopleAtCompany } from "@/lib/data/people";
import { lastMet } from "@/lib/people/directory";
import type { DateStyle } from "@/lib/time/formats";
import { metDay } from "../../../../people/_components/people-dates";

/** Someone met at the company, as the round form's picker offers them when their name or email is typed. */
export type Offer = { id: string; name: string; title: string | null; email: string | null; lastMet: string | null };

/** The user's people at `company`, read on the server for the round form's picker. */
export async function offerablePeople(db: Db, user: { id: string; dates: DateStyle }, company: string, now: Date): Promise<Offer[]> {
  return (await peopleAtCompany(db, { userId: user.id, company })).map((p) => {
    const met = lastMet(p.rounds, now);
    return { id: p.id, name: p.name, title: p.title, email: p.email, lastMet: met ? metDay(met.scheduledAt, user.dates) : null };
  });
}
