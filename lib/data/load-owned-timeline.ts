import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { getEvent } from "./events";
import { loadOwnedApplication } from "./load-owned-application";
import { getRound } from "./rounds";

// A round or event is only found under its own application's URL, and only
// for its owner; every other combination is the same 404.

export async function loadOwnedRound(applicationId: string, roundId: string) {
  const application = await loadOwnedApplication(applicationId);
  const user = await requireUser();
  const round = getRound(getDb(), user.id, roundId);
  if (!round || round.applicationId !== application.id) notFound();
  return { application, round, user };
}

export async function loadOwnedEvent(applicationId: string, eventId: string) {
  const application = await loadOwnedApplication(applicationId);
  const user = await requireUser();
  const event = getEvent(getDb(), user.id, eventId);
  if (!event || event.applicationId !== application.id) notFound();
  return { application, event, user };
}
