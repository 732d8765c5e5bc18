import { afterEach, describe, expect, it } from "vitest";
import { DeliveryError } from "@/lib/reminders/channel";
import { postOrExplain } from "@/lib/reminders/http-post";
import { isPrivateAddress, namesPrivateHost, PRIVATE_URL_MESSAGE, refusingPrivateUrl } from "@/lib/reminders/outbound-address";
import { webhookChannelSchema } from "@/lib/validation/reminder-settings";
import { startReceiver } from "./support/http-receiver";

let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

const body = { body: "{}", headers: { "Content-Type": "application/json" } };
const refused = { allowPrivateNetwork: false };
const allowed = { allowPrivateNetwork: true };

async function failure(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe("which addresses are private", () => {
  it.each(["127.0.0.1", "10.1.2.3", "172.20.0.1", "192.168.1.10", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "::ffff:127.0.0.1", "::ffff:7f00:1"])(
    "%s is private",
    (address) => expect(isPrivateAddress(address)).toBe(true),
  );
  it.each(["8.8.8.8", "93.184.216.34", "172.32.0.1", "2606:4700::1111", "::ffff:8.8.8.8"])("%s is public", (address) => expect(isPrivateAddress(address)).toBe(false));

  it("a URL naming localhost or a private literal is private outright; a public name is left to the lookup", () => {
    expect(namesPrivateHost(new URL("http://localhost:8080/x"))).toBe(true);
    expect(namesPrivateHost(new URL("http://api.localhost/x"))).toBe(true);
    expect(namesPrivateHost(new URL("http://[::1]:8080/x"))).toBe(true);
    expect(namesPrivateHost(new URL("http://192.168.0.7/hook"))).toBe(true);
    expect(namesPrivateHost(new URL("https://ntfy.sh/topic"))).toBe(false);
  });
});

describe("the channel forms", () => {
  it("refuse a private webhook address beside the URL field, unless the operator allows private networks", () => {
    const strict = refusingPrivateUrl(webhookChannelSchema, {}).safeParse({ url: "http://192.168.1.5/hook", carries: "all" });
    expect(strict.success).toBe(false);
    expect(strict.error?.issues).toEqual([expect.objectContaining({ path: ["url"], message: PRIVATE_URL_MESSAGE })]);
    const open = refusingPrivateUrl(webhookChannelSchema, { SHORTLIST_REMINDERS_PRIVATE_NETWORK: "allow" }).safeParse({ url: "http://192.168.1.5/hook", carries: "all" });
    expect(open.success).toBe(true);
    expect(refusingPrivateUrl(webhookChannelSchema, {}).safeParse({ url: "https://hooks.example.com/x", carries: "all" }).success).toBe(true);
  });
});

describe("posting a reminder", () => {
  it("does not reach a loopback receiver by its address, by a name that resolves to it, or by an IPv4-mapped address", async () => {
    receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    for (const url of [`${receiver.url}/hook`, `http://localhost:${port}/hook`, `http://[::ffff:127.0.0.1]:${port}/hook`]) {
      const error = await failure(postOrExplain("the webhook", url, body, refused));
      expect(error.message).toMatch(/^the webhook is on a private network \((127\.0\.0\.1|::1|::ffff:7f00:1)\), which this server does not post to$/);
      expect(error.final).toBe(true);
    }
    expect(receiver.requests).toHaveLength(0);
  });

  it("reaches it when the operator allows private networks, with the body and headers as given", async () => {
    receiver = await startReceiver();
    await postOrExplain("the webhook", `http://localhost:${new URL(receiver.url).port}/hook`, { body: '{"a":1}', headers: { "Content-Type": "application/json", "X-Test": "yes" } }, allowed);
    expect(receiver.requests).toEqual([expect.objectContaining({ method: "POST", url: "/hook", body: '{"a":1}', headers: expect.objectContaining({ "x-test": "yes", "content-length": "7" }) })]);
  });

  it("does not follow a redirect, which could lead anywhere, and says so for good", async () => {
    receiver = await startReceiver([302]);
    const error = await failure(postOrExplain("the webhook", `${receiver.url}/hook`, body, allowed));
    expect(error.message).toBe("the webhook answered with a redirect (302), which reminders do not follow");
    expect(error.final).toBe(true);
    expect(receiver.requests).toHaveLength(1);
  });

  it("explains a refused token, a gone address and a server error, and retries only the last", async () => {
    receiver = await startReceiver([403, 410, 503]);
    const url = `${receiver.url}/hook`;
    expect(await failure(postOrExplain("the ntfy server", url, body, allowed))).toMatchObject({ message: "the ntfy server refused the access token (403)", final: false });
    expect(await failure(postOrExplain("the ntfy server", url, body, allowed))).toMatchObject({ message: "the ntfy server says the address is not there (410)", final: true });
    expect(await failure(postOrExplain("the ntfy server", url, body, allowed))).toMatchObject({ message: "the ntfy server answered 503", final: false });
  });

  it("says an address nobody answers at could not be reached", async () => {
    receiver = await startReceiver();
    const url = `${receiver.url}/hook`;
    await receiver.close();
    receiver = undefined;
    expect(await failure(postOrExplain("the webhook", url, body, allowed))).toMatchObject({ message: "the webhook could not be reached", final: false });
  });
});
