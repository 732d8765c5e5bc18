import { TONE_CLASSES } from "../../_components/guidance/step-tone";
import type { CardView } from "./card-view";

/**
 * What a card says beneath its title: its next interview and next step.
 * Rendered on the server, where `now` and the user's zone are known: it has
 * nothing to click, so the browser only paints it and never runs it.
 */
export function CardDetails({ card }: { card: CardView }) {
  return (
    <>
      {card.nextInterview ? (
        <p className="mt-2 text-xs text-slate-700 dark:text-slate-300" data-testid="next-interview">
          Interview <time dateTime={card.nextInterview.iso}>{card.nextInterview.text}</time>
        </p>
      ) : null}
      <NextStep card={card} />
    </>
  );
}

function NextStep({ card }: { card: CardView }) {
  // An interview booked is news enough: the card already shows it.
  if (!card.step && card.nextInterview) return null;
  if (!card.step) return <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">Nothing to do or check on. Log a reply or a round when there is news.</p>;
  const { title, due, exact, tone } = card.step;
  return (
    <div className="mt-2 border-t border-slate-100 pt-2 text-sm dark:border-slate-800" data-testid="next-step" data-tone={tone}>
      <p className="text-slate-800 dark:text-slate-200" title={tone === "check-in" ? (exact ?? undefined) : undefined}>
        <span className="sr-only">Next step: </span>
        {title}
      </p>
      {due ? (
        <p className={`text-xs ${TONE_CLASSES[tone]}`} title={exact ?? undefined}>
          {due}
        </p>
      ) : null}
    </div>
  );
}
