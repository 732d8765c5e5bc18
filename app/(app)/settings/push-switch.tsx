"use client";

import { startTransition, useActionState, useState, useSyncExternalStore } from "react";
import { FormMessage } from "@/app/_components/form-message";
import { savePushSubscriptionAction } from "./push-actions";

type Support = "checking" | "ready" | "insecure" | "unsupported" | "denied";

const EXPLAIN: Record<Exclude<Support, "checking" | "ready">, string> = {
  insecure: "Push needs this page over HTTPS (or on localhost): ask whoever runs Shortlist to put it behind HTTPS.",
  unsupported: "This browser cannot receive push notifications. On an iPhone or iPad, add Shortlist to the Home Screen first (Share, then Add to Home Screen) and turn push on from there.",
  denied: "Notifications are blocked for this site in this browser. Allow them in the browser’s site settings (the icon beside the address), then reload this page.",
};

const noChanges = () => () => {};

function supportNow(): Support {
  if (!window.isSecureContext) return "insecure";
  if (!("serviceWorker" in navigator) || !("PushManager" in window) || !("Notification" in window)) return "unsupported";
  return Notification.permission === "denied" ? "denied" : "ready";
}

/** The server's VAPID public key (base64url), as pushManager.subscribe() takes it. */
function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64url.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/**
 * "Turn on push on this device": registers the service worker (public/sw.js,
 * where pushes arrive), asks for permission, subscribes with the server's
 * key and hands the subscription to the server. Says plainly why not when
 * the browser cannot or the person said no.
 */
export function PushSwitch({ publicKey }: { publicKey: string }) {
  const [state, dispatch, saving] = useActionState(savePushSubscriptionAction, {});
  // What the browser can do is known only in the browser: "checking" on the server, then the answer.
  const detected = useSyncExternalStore(noChanges, supportNow, () => "checking" as const);
  const [refusedNow, setRefusedNow] = useState(false);
  const support: Support = refusedNow ? "denied" : detected;
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);

  async function turnOn() {
    setProblem(null);
    setWorking(true);
    try {
      const registration = await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      await navigator.serviceWorker.ready;
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setRefusedNow(permission === "denied");
        if (permission !== "denied") setProblem("Push stays off: the browser was not allowed to show notifications. Press the button again to be asked again.");
        return;
      }
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const { endpoint, keys } = subscription.toJSON();
      const form = new FormData();
      form.set("endpoint", endpoint ?? "");
      form.set("p256dh", keys?.p256dh ?? "");
      form.set("auth", keys?.auth ?? "");
      startTransition(() => dispatch(form));
    } catch (error) {
      console.warn("push subscription failed:", error);
      setProblem("The browser could not subscribe to push just now (its push service may be out of reach). Try again in a moment.");
    } finally {
      setWorking(false);
    }
  }

  const refused = state.fieldErrors ? Object.values(state.fieldErrors).flat()[0] : undefined;
  const message = problem ?? refused ?? state.message;
  const errored = Boolean(problem || refused);
  if (support === "checking") return null;
  if (support !== "ready") return <p className="text-sm text-slate-700 dark:text-slate-300" role="status">{EXPLAIN[support]}</p>;
  return (
    <div className="space-y-2">
      <FormMessage message={message} tone={errored ? "error" : "success"} answer={problem ? { problem } : state} />
      <button type="button" className="btn-secondary" onClick={() => void turnOn()} disabled={working || saving}>
        {working || saving ? "Turning on…" : "Turn on push on this device"}
      </button>
    </div>
  );
}
