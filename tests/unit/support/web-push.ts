import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify, type ECDH } from "node:crypto";

// A browser's half of Web Push, for the tests: a subscription's keys (a
// P-256 pair and an auth secret, as a browser makes them), the decryption of
// an aes128gcm payload (RFC 8291 over RFC 8188), and the check of a VAPID
// Authorization header (RFC 8292). Written from the RFCs with node:crypto
// alone, so it checks web-push's output rather than repeating its code.

export type BrowserKeys = { ecdh: ECDH; auth: Buffer; p256dh: string; authText: string };

export function browserKeys(): BrowserKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, p256dh: ecdh.getPublicKey().toString("base64url"), authText: auth.toString("base64url") };
}

const info = (text: string, ...parts: Buffer[]) => Buffer.concat([Buffer.from(`${text}\0`, "latin1"), ...parts]);

/** The plaintext of an aes128gcm body sent to these keys; throws when it does not decrypt. */
export function decryptPush(body: Buffer, keys: BrowserKeys): string {
  // The RFC 8188 header: salt (16), record size (4), key id length (1), key id (the server's ephemeral public key).
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20];
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (record.length > recordSize) throw new Error("more than one record: a reminder fits in one");
  const shared = keys.ecdh.computeSecret(serverPublic);
  // RFC 8291 3.4: IKM = HKDF(salt = auth secret, ECDH secret, "WebPush: info" || 0 || ua_public || as_public).
  const ikm = Buffer.from(hkdfSync("sha256", shared, keys.auth, info("WebPush: info", keys.ecdh.getPublicKey(), serverPublic), 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, info("Content-Encoding: aes128gcm"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, info("Content-Encoding: nonce"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 2, then any zero padding.
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error("the record has no last-record delimiter");
  return padded.subarray(0, end).toString("utf8");
}

export type VapidClaims = { aud: string; exp: number; sub: string };

/**
 * Checks `Authorization: vapid t=<JWT>, k=<public key>`: the key is the one
 * expected, and the JWT is ES256-signed by it. Returns its claims.
 */
export function verifyVapid(authorization: string | undefined, publicKey: string): VapidClaims {
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? "");
  if (!match) throw new Error(`not a VAPID header: ${authorization}`);
  const [, jwt, k] = match;
  if (k !== publicKey) throw new Error("signed with another key");
  const [header, claims, signature] = jwt.split(".");
  if (JSON.parse(Buffer.from(header, "base64url").toString()).alg !== "ES256") throw new Error("not ES256");
  const point = Buffer.from(k, "base64url");
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33, 65).toString("base64url") }, format: "jwk" });
  const signed = verify("sha256", Buffer.from(`${header}.${claims}`), { key, dsaEncoding: "ieee-p1363" }, Buffer.from(signature, "base64url"));
  if (!signed) throw new Error("the JWT's signature does not verify");
  return JSON.parse(Buffer.from(claims, "base64url").toString()) as VapidClaims;
}
