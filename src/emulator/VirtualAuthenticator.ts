/**
 * A virtual WebAuthn authenticator and its browser, for tests: `create` reads
 * the `options` of a start call that answered `create: true` and answers the
 * registration a browser sends (`none` attestation, an ES256 or RS256 key);
 * `get` reads request options and answers a signed assertion with an
 * increased sign counter. The answers are the JSON texts Descope's web SDK
 * hands to the finish calls, so a test drives the whole ceremony against the
 * emulator (or a real project) without a browser.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { DescopeClient } from "descope-effect"
 * import { VirtualAuthenticator } from "descope-effect/emulator"
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* DescopeClient
 *   const authenticator = VirtualAuthenticator.make({ origin: "https://app.example.com" })
 *   const start = yield* client.webauthn.signUpStart({ loginId: "ada@example.com", origin: authenticator.origin })
 *   const response = yield* authenticator.create(start.options)
 *   return yield* client.webauthn.signUpFinish({ transactionId: start.transactionId, response })
 * })
 * ```
 *
 * @since 0.2.0
 */
import * as Data from "effect/Data"
import * as Effect from "effect/Effect"
import * as Crypto from "node:crypto"
import * as Cbor from "../internal/cbor.js"
import * as Cose from "../internal/cose.js"

/**
 * The key algorithm of the credentials an authenticator creates.
 *
 * @since 0.2.0
 * @category models
 */
export type Algorithm = "ES256" | "RS256"

/**
 * Options of {@link make}.
 *
 * @since 0.2.0
 * @category models
 */
export interface Options {
  /** The origin of the page the ceremonies run in, e.g. `https://app.example.com`. */
  readonly origin: string
  /** ES256 by default. */
  readonly algorithm?: Algorithm | undefined
  /** Whether the user is verified (flag UV); true by default. */
  readonly userVerification?: boolean | undefined
}

/**
 * A credential the authenticator holds (never its private key).
 *
 * @since 0.2.0
 * @category models
 */
export interface Credential {
  /** The credential id (base64url). */
  readonly id: string
  readonly rpId: string
  /** The user handle it was created for (base64url). */
  readonly userHandle: string
  readonly algorithm: Algorithm
  readonly signCount: number
}

/**
 * Overrides of one ceremony, to make hostile answers in tests.
 *
 * @since 0.2.0
 * @category models
 */
export interface CeremonyOverrides {
  /** The origin the client data names (the authenticator's by default). */
  readonly origin?: string | undefined
  /** The sign counter of an assertion (the next one by default). */
  readonly signCount?: number | undefined
}

/**
 * Options the authenticator cannot answer: not JSON, no challenge, no
 * algorithm it has, an excluded credential it holds, no credential allowed.
 *
 * @since 0.2.0
 * @category errors
 */
export class VirtualAuthenticatorError extends Data.TaggedError("VirtualAuthenticatorError")<{
  readonly message: string
}> {}

/**
 * A virtual authenticator.
 *
 * @since 0.2.0
 * @category models
 */
export interface VirtualAuthenticator {
  readonly origin: string
  /** The credentials created so far. */
  readonly credentials: () => ReadonlyArray<Credential>
  /** Answers creation options (`create: true`) with a registration (a JSON text). */
  readonly create: (options: string, overrides?: CeremonyOverrides) => Effect.Effect<string, VirtualAuthenticatorError>
  /** Answers request options with an assertion (a JSON text) by a credential the options allow. */
  readonly get: (options: string, overrides?: CeremonyOverrides) => Effect.Effect<string, VirtualAuthenticatorError>
}

interface Held {
  readonly id: string
  readonly rpId: string
  readonly userHandle: string
  readonly algorithm: Algorithm
  readonly privateKey: Crypto.KeyObject
  signCount: number
}

const refuse = (message: string) => Effect.fail(new VirtualAuthenticatorError({ message }))

const b64url = (b: Uint8Array): string => Buffer.from(b).toString("base64url")

const publicKeyOf = (options: string): Effect.Effect<Record<string, unknown>, VirtualAuthenticatorError> =>
  Effect.try({
    try: () => JSON.parse(options) as unknown,
    catch: () => new VirtualAuthenticatorError({ message: "the options are not JSON" })
  }).pipe(Effect.flatMap((parsed) => {
    const pk = typeof parsed === "object" && parsed !== null ? (parsed as { publicKey?: unknown }).publicKey : undefined
    if (typeof pk !== "object" || pk === null) return refuse("the options carry no publicKey")
    const challenge = (pk as { challenge?: unknown }).challenge
    if (typeof challenge !== "string" || challenge === "") return refuse("the options carry no challenge")
    return Effect.succeed(pk as Record<string, unknown>)
  }))

const ids = (list: unknown): ReadonlyArray<string> =>
  Array.isArray(list)
    ? list.flatMap((c) =>
      typeof c === "object" && c !== null && typeof (c as { id?: unknown }).id === "string"
        ? [b64url(Buffer.from((c as { id: string }).id, "base64url"))]
        : []
    )
    : []

const clientData = (type: string, challenge: string, origin: string): Uint8Array =>
  new TextEncoder().encode(JSON.stringify({
    type,
    // the browser encodes the challenge's bytes again, unpadded
    challenge: b64url(Buffer.from(challenge, "base64url")),
    origin,
    crossOrigin: false
  }))

const rpIdHash = (rpId: string): Buffer => Crypto.createHash("sha256").update(rpId).digest()

const counter = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0)
  return b
}

/**
 * Makes a virtual authenticator (its credentials live as long as it does).
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (options: Options): VirtualAuthenticator => {
  const held: Array<Held> = []
  const algorithm = options.algorithm ?? "ES256"
  const uv = options.userVerification ?? true
  const hostname = (() => {
    try {
      return new URL(options.origin).hostname
    } catch {
      return ""
    }
  })()

  const create = (text: string, overrides: CeremonyOverrides = {}) =>
    Effect.gen(function*() {
      const pk = yield* publicKeyOf(text)
      const rp = (pk.rp ?? {}) as { id?: unknown }
      const rpId = typeof rp.id === "string" && rp.id !== "" ? rp.id : hostname
      const user = (pk.user ?? {}) as { id?: unknown }
      if (typeof user.id !== "string" || user.id === "") return yield* refuse("the options carry no user id")
      const alg = algorithm === "ES256" ? Cose.ES256 : Cose.RS256
      const params = Array.isArray(pk.pubKeyCredParams) ? (pk.pubKeyCredParams as Array<{ alg?: unknown }>) : []
      if (!params.some((p) => p.alg === alg)) return yield* refuse(`the options do not accept ${algorithm}`)
      const excluded = ids(pk.excludeCredentials)
      if (held.some((h) => h.rpId === rpId && excluded.includes(h.id))) {
        return yield* refuse("a credential of this authenticator is excluded (InvalidStateError)")
      }
      const { privateKey, publicKey } = algorithm === "ES256"
        ? Crypto.generateKeyPairSync("ec", { namedCurve: "P-256" })
        : Crypto.generateKeyPairSync("rsa", { modulusLength: 2048 })
      const rawId = Crypto.randomBytes(16)
      const id = b64url(rawId)
      const idLength = Buffer.alloc(2)
      idLength.writeUInt16BE(rawId.length)
      const authData = Buffer.concat([
        rpIdHash(rpId),
        Buffer.from([0x41 | (uv ? 0x04 : 0)]),
        counter(0),
        Buffer.alloc(16),
        idLength,
        rawId,
        Cbor.encode(Cose.fromKey(alg, publicKey))
      ])
      const attestationObject = Cbor.encode(
        new Map<string, Cbor.Encodable>([["fmt", "none"], ["attStmt", new Map()], ["authData", authData]])
      )
      held.push({
        id,
        rpId,
        userHandle: b64url(Buffer.from(user.id, "base64url")),
        algorithm,
        privateKey,
        signCount: 0
      })
      return JSON.stringify({
        id,
        rawId: id,
        type: "public-key",
        response: {
          attestationObject: b64url(attestationObject),
          clientDataJSON: b64url(
            clientData("webauthn.create", pk.challenge as string, overrides.origin ?? options.origin)
          )
        }
      })
    })

  const get = (text: string, overrides: CeremonyOverrides = {}) =>
    Effect.gen(function*() {
      const pk = yield* publicKeyOf(text)
      const rpId = typeof pk.rpId === "string" && pk.rpId !== "" ? pk.rpId : hostname
      const allowed = ids(pk.allowCredentials)
      const credential = held.find((h) => h.rpId === rpId && (allowed.length === 0 || allowed.includes(h.id)))
      if (credential === undefined) return yield* refuse(`no credential of this authenticator is allowed for ${rpId}`)
      credential.signCount = overrides.signCount ?? credential.signCount + 1
      const authData = Buffer.concat([
        rpIdHash(rpId),
        Buffer.from([0x01 | (uv ? 0x04 : 0)]),
        counter(credential.signCount)
      ])
      const data = clientData("webauthn.get", pk.challenge as string, overrides.origin ?? options.origin)
      const signature = Cose.sign(
        credential.privateKey,
        Buffer.concat([authData, Crypto.createHash("sha256").update(data).digest()])
      )
      return JSON.stringify({
        id: credential.id,
        rawId: credential.id,
        type: "public-key",
        response: {
          authenticatorData: b64url(authData),
          clientDataJSON: b64url(data),
          signature: b64url(signature),
          userHandle: credential.userHandle
        }
      })
    })

  return {
    origin: options.origin,
    credentials: () =>
      held.map((h) => ({
        id: h.id,
        rpId: h.rpId,
        userHandle: h.userHandle,
        algorithm: h.algorithm,
        signCount: h.signCount
      })),
    create,
    get
  }
}
