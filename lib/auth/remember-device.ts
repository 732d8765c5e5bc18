import "server-only";
import { cookies } from "next/headers";
import { SECOND_MS } from "@/lib/time/units";
import { DEVICE_COOKIE_MAX_AGE_MS } from "./limits";
import { deviceCookieName, issueDeviceToken, readDeviceToken } from "./device-cookie";

/**
 * After a successful sign-in: the browser keeps (or gets) its device cookie
 * for this account. A cookie that already names this account keeps its
 * device id, so that device's own failure count follows it; its lifetime
 * starts again. Outside a request (a script) there is nobody to give it to.
 */
export async function rememberDevice(userId: string, presented: string | null, secure: boolean): Promise<void> {
  const known = readDeviceToken(presented);
  const token = known?.userId === userId ? issueDeviceToken(userId, known.deviceId) : issueDeviceToken(userId);
  try {
    (await cookies()).set(deviceCookieName(secure), token, {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      secure,
      maxAge: DEVICE_COOKIE_MAX_AGE_MS / SECOND_MS,
    });
  } catch {
    // No response to set it on.
  }
}
