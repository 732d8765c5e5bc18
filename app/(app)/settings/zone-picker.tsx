"use client";

import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { matchZones, type ZoneChoice } from "@/lib/time/zone-names";

/** Enough to scroll through; a search narrows the rest. */
const SHOWN = 60;

type Props = {
  id: string;
  name: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  choices: ZoneChoice[];
  defaultValue: string;
};

/**
 * A searchable zone list (the ARIA 1.2 combobox pattern): type part of a
 * name or an offset, move with the arrows, Enter to choose. The input itself
 * carries the zone's name, so without JavaScript it is a plain text field
 * the server reads.
 */
export function ZonePicker({ id, name, choices, defaultValue, ...aria }: Props) {
  const listId = useId();
  const [text, setText] = useState(defaultValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [filtering, setFiltering] = useState(false);
  const matches = useMemo(() => matchZones(choices, filtering ? text : ""), [choices, text, filtering]);
  const shown = matches.slice(0, SHOWN);
  const activeChoice = open ? shown[active] : undefined;

  const choose = (zone: string) => {
    setText(zone);
    setFiltering(false);
    setOpen(false);
  };
  const openAt = (index: number) => {
    setOpen(true);
    setActive(Math.max(0, Math.min(index, shown.length - 1)));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      openAt(open ? active + 1 : 0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      openAt(open ? active - 1 : shown.length - 1);
    } else if (e.key === "Enter" && activeChoice) {
      // Enter picks the highlighted zone; a second Enter submits the form.
      e.preventDefault();
      choose(activeChoice.zone);
    } else if (e.key === "Escape" && open) {
      e.preventDefault();
      setOpen(false);
    }
  };

  return (
    <div className="relative">
      <input
        {...aria}
        id={id}
        name={name}
        type="text"
        className="input"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeChoice ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setFiltering(true);
          openAt(0);
        }}
        onFocus={(e) => e.target.select()}
        onClick={() => (open ? setOpen(false) : openAt(0))}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Time zones"
        hidden={!open}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-y-auto rounded-md border border-slate-300 bg-white py-1 text-sm shadow-lg dark:border-slate-600 dark:bg-slate-800"
      >
        {shown.map((c, i) => (
          <li
            key={c.zone}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className={`cursor-pointer px-3 py-1.5 ${i === active ? "bg-brand-600 text-white dark:bg-brand-300 dark:text-slate-900" : "text-slate-900 dark:text-slate-100"}`}
            // Chosen on mouse down, before the input's blur closes the list.
            onMouseDown={(e) => {
              e.preventDefault();
              choose(c.zone);
            }}
            onMouseMove={() => setActive(i)}
          >
            {c.label}
          </li>
        ))}
        {matches.length === 0 ? <li className="px-3 py-1.5 text-slate-700 dark:text-slate-300">No zone matches “{text}”. Try a city or an offset such as UTC+5:30.</li> : null}
        {matches.length > SHOWN ? (
          <li className="px-3 py-1.5 text-slate-700 dark:text-slate-300">{matches.length - SHOWN} more: type to narrow the list.</li>
        ) : null}
      </ul>
    </div>
  );
}
