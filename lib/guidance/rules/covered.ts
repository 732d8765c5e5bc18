import { signalInfo } from "@/lib/interviews/catalog";
import type { SignalKey } from "@/lib/vocabulary";
import { perCall, type Facts, type RoundFact } from "../facts";
import { listOf } from "../phrases";

// What earlier rounds already covered, said in the reasons of a later
// round's preparation. Asked for every round to come of every application.

/** Each signal's covered topic as it reads in a sentence, or null when it is not one: worked out once per signal. */
const topicWords = new Map<SignalKey, string | null>();
function topicWord(signal: SignalKey): string | null {
  let word = topicWords.get(signal);
  if (word === undefined) {
    const info = signalInfo(signal);
    word = info.group === "covered" && info.key !== "salary_raised" ? info.label.toLowerCase() : null;
    topicWords.set(signal, word);
  }
  return word;
}

/** What earlier rounds already covered, as a reason, if anything was ticked. */
const coveredBefore = perCall((r: RoundFact, facts: Facts): string | null => {
  // Few topics: a list keeps first-seen order and dedupes as cheaply as a set.
  let topics: string[] | undefined;
  // Rounds are numbered in order, so the earlier ones are a prefix.
  for (const x of facts.rounds) {
    if (x.number >= r.number) break;
    for (const s of x.round.signals) {
      const word = topicWord(s.signal);
      if (word !== null && !(topics ??= []).includes(word)) topics.push(word);
    }
  }
  return topics?.length ? `Earlier rounds covered ${listOf(topics)}.` : null;
});

/** The scheduled reason, then what earlier rounds covered, if anything. */
export function withCovered(scheduled: string, r: RoundFact, facts: Facts): string[] {
  const covered = coveredBefore(r, facts);
  return covered ? [scheduled, covered] : [scheduled];
}
