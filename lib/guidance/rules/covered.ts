import { signalInfo } from "@/lib/interviews/catalog";
import { perCall, type Facts, type RoundFact } from "../facts";
import { listOf } from "../phrases";

// What earlier rounds already covered, said in the reasons of a later
// round's preparation. Asked for every round to come of every application.

/** Lower-cased topic labels, made once per signal rather than once per round that names it. */
const topicWords = new Map<string, string>();

/** What earlier rounds already covered, as a reason, if anything was ticked. */
const coveredBefore = perCall((r: RoundFact, facts: Facts): string | null => {
  let topics: Set<string> | undefined;
  // Rounds are numbered in order, so the earlier ones are a prefix.
  for (const x of facts.rounds) {
    if (x.number >= r.number) break;
    for (const s of x.round.signals) {
      const info = signalInfo(s.signal);
      if (info.group !== "covered" || info.key === "salary_raised") continue;
      let word = topicWords.get(info.key);
      if (word === undefined) topicWords.set(info.key, (word = info.label.toLowerCase()));
      (topics ??= new Set()).add(word);
    }
  }
  return topics ? `Earlier rounds covered ${listOf([...topics])}.` : null;
});

/** The scheduled reason, then what earlier rounds covered, if anything. */
export function withCovered(scheduled: string, r: RoundFact, facts: Facts): string[] {
  const covered = coveredBefore(r, facts);
  return covered ? [scheduled, covered] : [scheduled];
}
