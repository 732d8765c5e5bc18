/**
 * The inputs of a render in progress, by its reuse key. A "use cache"
 * function is keyed by its arguments, so it is given the key alone and
 * takes the inputs from here: the request that asks for the render holds
 * them until the render has returned. Requests with one key hand over equal
 * inputs (that is what the key promises), so whichever is held serves.
 * Holds only what requests are rendering at this moment.
 */
const held = new Map<string, { inputs: unknown; holders: number }>();

export async function withHandedOver<I, R>(key: string, inputs: I, render: () => Promise<R>): Promise<R> {
  const entry = held.get(key);
  if (entry) entry.holders++;
  else held.set(key, { inputs, holders: 1 });
  try {
    return await render();
  } finally {
    const left = held.get(key);
    if (left && --left.holders === 0) held.delete(key);
  }
}

/** The inputs held for `key`; a render that runs with none (no request asked for it) must not store anything. */
export function handedOver<I>(key: string): I {
  const entry = held.get(key);
  if (!entry) throw new Error(`no inputs are held for the render ${key}`);
  return entry.inputs as I;
}

/** How many renders' inputs are held (for tests: none once every render has returned). */
export const heldCount = () => held.size;
