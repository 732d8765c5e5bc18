/** Below this many ticks a chart's axis says too little; above it the labels crowd a phone's width. */
const MAX_TICKS = 5;
/** Round steps people read at a glance: 1, 2 or 5 times a power of ten. */
const STEP_FACTORS = [1, 2, 5] as const;

export type Scale = { max: number; ticks: number[] };

/**
 * The axis for bars from 0 to `largest`: a round step, at most MAX_TICKS
 * steps, and a top at least as large as the largest bar. Whole numbers only
 * when `wholeNumbers` (counts), so an axis of 3 reads 0 1 2 3, not 0 0.5 ...
 */
export function barScale(largest: number, wholeNumbers = true): Scale {
  if (!(largest > 0)) return { max: 1, ticks: [0, 1] };
  const rough = largest / MAX_TICKS;
  const power = 10 ** Math.floor(Math.log10(rough));
  let step = STEP_FACTORS.map((f) => f * power).find((s) => s * MAX_TICKS >= largest) ?? 10 * power;
  if (wholeNumbers) step = Math.max(1, Math.round(step));
  const steps = Math.ceil(largest / step - 1e-9);
  const ticks = Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
  return { max: ticks[ticks.length - 1], ticks };
}

/** A bar's length as a percentage of the axis, for a CSS width. */
export function barPercent(value: number, scale: Scale): number {
  return Math.min(100, Math.max(0, (value / scale.max) * 100));
}
