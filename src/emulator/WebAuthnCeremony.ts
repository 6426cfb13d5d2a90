/**
 * The checks of a WebAuthn finish (W3C WebAuthn Level 2, §7.1 registration
 * and §7.2 authentication), as a relying party makes them: the client data's
 * `type`, `challenge` and `origin`, the RP id hash and the user-present (and,
 * when required, user-verified) flags of the authenticator data, a `none`
 * attestation with an ES256 or RS256 COSE key, the assertion's signature over
 * `authenticatorData || SHA-256(clientDataJSON)` and a sign counter that
 * increases. Each refusal names its reason: 400 for a malformed answer, 401
 * for one that does not prove what it should.
 *
 * @since 0.2.0
 */
import * as Either from "effect/Either"
import * as Schema from "effect/Schema"
import * as Crypto from "node:crypto"
import * as Cbor from "../internal/cbor.js"
import * as Cose from "../internal/cose.js"

/**
 * Why a finish is refused.
 *
 * @since 0.2.0
 * @category models
 */
export interface Refusal {
  readonly status: 400 | 401
  readonly reason: string
}

/**
 * What the start of the ceremony asked for.
 *
 * @since 0.2.0
 * @category models
 */
export interface Expected {
  readonly challenge: string
  readonly origin: string
  readonly rpId: string
  readonly userVerification: boolean
}

/**
 * A credential a registration proves.
 *
 * @since 0.2.0
 * @category models
 */
export interface Registered {
  readonly id: string
  readonly publicKey: Uint8Array
  readonly signCount: number
}

/**
 * What an assertion proves: the credential and its new sign counter.
 *
 * @since 0.2.0
 * @category models
 */
export interface Asserted {
  readonly id: string
  readonly signCount: number
  readonly userHandle: string | undefined
}

const B64URL = /^[A-Za-z0-9_-]*={0,2}$/
const B64 = Schema.String.pipe(Schema.pattern(B64URL))

const Registration = Schema.parseJson(Schema.Struct({
  id: B64,
  type: Schema.Literal("public-key"),
  response: Schema.Struct({ clientDataJSON: B64, attestationObject: B64 })
}))

const Assertion = Schema.parseJson(Schema.Struct({
  id: B64,
  type: Schema.Literal("public-key"),
  response: Schema.Struct({
    clientDataJSON: B64,
    authenticatorData: B64,
    signature: B64,
    userHandle: Schema.optional(Schema.NullOr(B64))
  })
}))

const ClientData = Schema.parseJson(Schema.Struct({
  type: Schema.String,
  challenge: Schema.String,
  origin: Schema.String
}))

const bad = (reason: string): Refusal => ({ status: 400, reason })
const denied = (reason: string): Refusal => ({ status: 401, reason })
const bytes = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, "base64url"))
const sha256 = (b: Uint8Array): Buffer => Crypto.createHash("sha256").update(b).digest()

const checkClientData = (
  raw: Uint8Array,
  type: "webauthn.create" | "webauthn.get",
  expected: Expected
): Refusal | undefined => {
  const data = Schema.decodeUnknownEither(ClientData)(Buffer.from(raw).toString("utf8"))
  if (Either.isLeft(data)) return bad("clientDataJSON is not the client data of a ceremony")
  const c = data.right
  if (c.type !== type) return denied(`clientDataJSON type is ${JSON.stringify(c.type)}, not ${type}`)
  if (c.challenge.replace(/=+$/, "") !== expected.challenge) return denied("the challenge is not this ceremony's")
  if (c.origin !== expected.origin) return denied(`origin ${JSON.stringify(c.origin)} is not the ceremony's origin`)
  return undefined
}

interface AuthData {
  readonly signCount: number
  readonly credentialId?: Uint8Array | undefined
  readonly publicKey?: Uint8Array | undefined
}

const parseAuthData = (a: Uint8Array, expected: Expected): AuthData | Refusal => {
  if (a.length < 37) return bad("authenticatorData is shorter than 37 bytes")
  if (!sha256(new TextEncoder().encode(expected.rpId)).equals(a.subarray(0, 32))) {
    return denied(`the RP id hash is not the hash of ${expected.rpId}`)
  }
  const flags = a[32]!
  if ((flags & 0x01) === 0) return denied("the user was not present (flag UP)")
  if (expected.userVerification && (flags & 0x04) === 0) return denied("the user was not verified (flag UV)")
  const signCount = Buffer.from(a).readUInt32BE(33)
  if ((flags & 0x40) === 0) return { signCount }
  if (a.length < 55) return bad("attested credential data is truncated")
  const idLength = Buffer.from(a).readUInt16BE(53)
  const credentialId = a.subarray(55, 55 + idLength)
  if (credentialId.length !== idLength) return bad("the credential id is truncated")
  const rest = a.subarray(55 + idLength)
  const key = Cbor.decodePrefix(rest)
  if (Cbor.isRefusal(key)) return bad(`the credential public key is not CBOR: ${key.reason}`)
  return { signCount, credentialId, publicKey: rest.subarray(0, key.length) }
}

const isRefusal = (u: unknown): u is Refusal => typeof u === "object" && u !== null && "status" in u

/**
 * Checks a registration (the JSON text the browser's `navigator.credentials.create` answer encodes to).
 *
 * @since 0.2.0
 * @category guards
 */
export const verifyRegistration = (response: string, expected: Expected): Either.Either<Registered, Refusal> => {
  const decoded = Schema.decodeUnknownEither(Registration)(response)
  if (Either.isLeft(decoded)) return Either.left(bad("the response is not a WebAuthn registration"))
  const r = decoded.right
  const clientData = checkClientData(bytes(r.response.clientDataJSON), "webauthn.create", expected)
  if (clientData !== undefined) return Either.left(clientData)
  const attestation = Cbor.decode(bytes(r.response.attestationObject))
  if (Cbor.isRefusal(attestation)) return Either.left(bad(`attestationObject is not CBOR: ${attestation.reason}`))
  if (!(attestation instanceof Map)) return Either.left(bad("attestationObject is not a CBOR map"))
  const fmt = attestation.get("fmt")
  const stmt = attestation.get("attStmt")
  const authData = attestation.get("authData")
  if (fmt !== "none") {
    return Either.left(bad(`attestation format ${JSON.stringify(fmt)}: the emulator verifies "none" attestations`))
  }
  if (!(stmt instanceof Map) || stmt.size !== 0) return Either.left(bad("a none attestation has an empty attStmt"))
  if (!(authData instanceof Uint8Array)) return Either.left(bad("attestationObject has no authData"))
  const parsed = parseAuthData(authData, expected)
  if (isRefusal(parsed)) return Either.left(parsed)
  if (parsed.credentialId === undefined || parsed.publicKey === undefined) {
    return Either.left(bad("the authenticator data carries no attested credential (flag AT)"))
  }
  const id = Buffer.from(parsed.credentialId).toString("base64url")
  if (id !== r.id.replace(/=+$/, "")) return Either.left(bad("the credential id is not the attested one"))
  const key = Cose.toKey(Cbor.decode(parsed.publicKey) as Cbor.CborValue)
  if (typeof key === "string") return Either.left(bad(key))
  return Either.right({ id, publicKey: parsed.publicKey, signCount: parsed.signCount })
}

/**
 * Checks an assertion (the JSON text of a `navigator.credentials.get` answer)
 * against the registered credentials `find` answers (only the ones the
 * ceremony allows), and the credential's last sign counter.
 *
 * @since 0.2.0
 * @category guards
 */
export const verifyAssertion = (
  response: string,
  expected: Expected,
  find: (id: string) => { readonly publicKey: Uint8Array; readonly signCount: number } | undefined
): Either.Either<Asserted, Refusal> => {
  const decoded = Schema.decodeUnknownEither(Assertion)(response)
  if (Either.isLeft(decoded)) return Either.left(bad("the response is not a WebAuthn assertion"))
  const r = decoded.right
  const id = r.id.replace(/=+$/, "")
  const stored = find(id)
  if (stored === undefined) return Either.left(denied("the credential is not one of the user's passkeys"))
  const clientDataJSON = bytes(r.response.clientDataJSON)
  const clientData = checkClientData(clientDataJSON, "webauthn.get", expected)
  if (clientData !== undefined) return Either.left(clientData)
  const authData = bytes(r.response.authenticatorData)
  const parsed = parseAuthData(authData, expected)
  if (isRefusal(parsed)) return Either.left(parsed)
  const key = Cose.toKey(Cbor.decode(stored.publicKey) as Cbor.CborValue)
  if (typeof key === "string") return Either.left(bad(key))
  const signed = Buffer.concat([authData, sha256(clientDataJSON)])
  if (!Cose.verify(key, signed, bytes(r.response.signature))) {
    return Either.left(denied("the signature does not verify with the credential's public key"))
  }
  if ((parsed.signCount !== 0 || stored.signCount !== 0) && parsed.signCount <= stored.signCount) {
    return Either.left(denied(`the sign counter ${parsed.signCount} did not increase (last ${stored.signCount})`))
  }
  const handle = r.response.userHandle
  return Either.right({ id, signCount: parsed.signCount, userHandle: handle === null ? undefined : handle })
}
