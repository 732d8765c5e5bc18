import "server-only";
import { getDb } from "@/db/client";
import { requireUser } from "@/lib/auth/current-user";
import { notFoundFor } from "@/lib/auth/foreign-access";
import { getEvent } from "@/lib/data/events";
import { loadOwnedApplication } from "./load-owned-application";
import { getRound } from "@/lib/data/rounds";

// A round or event is only found under its own application's URL, and only
// for its owner; every other combination is the same 404.

export async function loadOwnedRound(applicationId: string, roundId: string) {
  const application = await loadOwnedApplication(applicationId);
  const user = await requireUser();
  const round = await getRound(getDb(), { userId: user.id, id: roundId });
  if (!round || round.applicationId !== application.id) return notFoundFor(user.id, { kind: "round", id: roundId });
  return { application, round, user };
}

export async function loadOwnedEvent(applicationId: string, eventId: string) {
  const application = await loadOwnedApplication(applicationId);
  const user = await requireUser();
  const event = await getEvent(getDb(), { userId: user.id, id: eventId });
  if (!event || event.applicationId !== application.id) return notFoundFor(user.id, { kind: "event", id: eventId });
  return { application, event, user };
}
