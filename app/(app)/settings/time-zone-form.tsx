"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { sameZone, useBrowserTimeZone } from "@/app/_components/use-browser-time-zone";
import type { ZoneChoice } from "@/lib/time/zone-names";
import { setTimeZoneAction } from "./actions";
import { ZonePicker } from "./zone-picker";

export function TimeZoneForm({ current, zones }: { current: string; zones: ZoneChoice[] }) {
  const [state, action] = useActionState(setTimeZoneAction, {});
  const device = useBrowserTimeZone();
  const value = state.values?.timeZone ?? current;
  const errored = Boolean(state.fieldErrors?.timeZone);
  const chosen = zones.find((z) => z.zone === value);
  const hint = [
    chosen ? `Now: ${chosen.label}.` : null,
    "Type a city, region or offset (such as Kolkata, New York or UTC+5:30), then choose with the arrow keys and Enter.",
    device && !sameZone(device, value) ? `This device is set to ${device.replaceAll("_", " ")}.` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} answer={state} />
      <Field name="timeZone" label="Your time zone" errors={state.fieldErrors?.timeZone} hint={hint}>
        {(p) => <ZonePicker {...p} key={value} choices={zones} defaultValue={value} />}
      </Field>
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Save time zone
      </SubmitButton>
    </form>
  );
}
