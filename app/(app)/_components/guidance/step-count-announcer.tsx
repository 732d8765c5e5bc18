"use client";

import { useEffect, useRef, useState } from "react";

/**
 * When a step leaves the list (Done, Snooze, Dismiss), its buttons go with
 * it and focus would fall to the top of the page. This puts focus on the
 * list's heading instead and says how many steps are left.
 */
export function StepCountAnnouncer({ count, headingId }: { count: number; headingId: string }) {
  const previous = useRef(count);
  const [text, setText] = useState("");
  useEffect(() => {
    if (count < previous.current) {
      setText(count === 0 ? "Step updated. No steps left." : `Step updated. ${count} ${count === 1 ? "step" : "steps"} left.`);
      const focused = document.activeElement;
      if (!focused || focused === document.body) document.getElementById(headingId)?.focus();
    }
    previous.current = count;
  }, [count, headingId]);
  return (
    <p aria-live="polite" className="sr-only">
      {text}
    </p>
  );
}
