"use client";

import { useActionState } from "react";
import { Field } from "@/app/_components/field";
import { FormMessage } from "@/app/_components/form-message";
import { SubmitButton } from "@/app/_components/submit-button";
import { sameZone, useBrowserTimeZone } from "@/app/_components/use-browser-time-zone";
import { setTimeZoneAction } from "./actions";

export function TimeZoneForm({ current, zones }: { current: string; zones: string[] }) {
  const [state, action] = useActionState(setTimeZoneAction, {});
  const device = useBrowserTimeZone();
  const value = state.values?.timeZone ?? current;
  const errored = Boolean(state.fieldErrors?.timeZone);
  return (
    <form action={action} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={errored ? "error" : "success"} />
      <Field
        name="timeZone"
        label="Your time zone"
        errors={state.fieldErrors?.timeZone}
        hint={device && !sameZone(device, value) ? `This device is set to ${device.replaceAll("_", " ")}.` : undefined}
      >
        {(p) => (
          <select {...p} key={value} className="input" defaultValue={value}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        )}
      </Field>
      <SubmitButton pendingText="Saving…" className="btn-secondary">
        Save time zone
      </SubmitButton>
    </form>
  );
}
