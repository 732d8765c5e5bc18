import { Field } from "@/app/_components/field";

const CARRIES = [
  { value: "all", label: "The morning digest and the nudges" },
  { value: "digest", label: "Only the morning digest" },
  { value: "nudges", label: "Only the nudges (interviews soon, thank-yous owed)" },
];

/** What one channel carries: the same three choices for every channel. */
export function CarriesSelect({ name, label, idPrefix, value, errors }: { name: string; label: string; idPrefix: string; value: string; errors?: string[] }) {
  return (
    <Field name={name} label={label} idPrefix={idPrefix} errors={errors}>
      {(p) => (
        <select {...p} key={value} className="input" defaultValue={value}>
          {CARRIES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
