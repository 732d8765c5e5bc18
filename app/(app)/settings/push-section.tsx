import type { PushDevice } from "@/lib/data/push-subscriptions";
import type { DateFormat } from "@/lib/time/formats";
import type { ReminderCarries } from "@/lib/vocabulary";
import { PushCarriesForm, RemovePushDeviceForm } from "./push-device-forms";
import { PushSwitch } from "./push-switch";

const muted = "text-sm text-slate-700 dark:text-slate-300";

/** Settings → Reminders → Push: turn it on for this browser, the devices that have it, and what it carries. */
export function PushSection({ publicKey, devices, carries, format }: { publicKey: string; devices: PushDevice[]; carries: ReminderCarries; format: DateFormat }) {
  return (
    <>
      <p className={`mt-1 mb-3 ${muted}`}>
        Notifications on this phone or computer, from its browser, even with Shortlist closed. Turn it on on each device you want them on.
      </p>
      <PushSwitch publicKey={publicKey} />
      {devices.length ? (
        <>
          <ul className="mt-4 space-y-2 text-sm" aria-label="Devices with push on">
            {devices.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <span className="font-medium">{d.label}</span>, since {format.mediumDate(d.createdAt)}
                </span>
                <RemovePushDeviceForm id={d.id} label={d.label} />
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <PushCarriesForm carries={carries} />
          </div>
        </>
      ) : (
        <p className={`mt-3 ${muted}`}>No device has push on yet.</p>
      )}
    </>
  );
}
