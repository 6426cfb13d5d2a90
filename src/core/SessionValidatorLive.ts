/**
 * The live `SessionValidator`: validates Descope JWTs locally with the
 * signing keys of the `Jwks` service and the `Verifier`.
 *
 * In order: the token size (default limit 16 KiB, before any decoding), its
 * shape, the header and the claims read as I-JSON (valid UTF-8, a JSON
 * object, no member name twice in any object, escaped spellings included),
 * the header (`alg` among ES/RS/PS 256/384/512, `kid` required, no `crit`),
 * the key (`Jwks`), the key's `alg` equal to the header's, the signature, the
 * issuer (the project id, or a URL or slash path whose last or second-to-last
 * segment is the project id), the claims Descope always signs (`exp`, a
 * non-empty string `sub`: else reason `MissingClaim`), then on every call the
 * token type (a refresh token, `drn: "DSR"`, is never a session: reason
 * `WrongTokenType`), `exp` / `nbf` with the configured leeway against
 * Effect's `Clock`, the optional audience, maximum token age and
 * custom-claims schema.
 *
 * Verified tokens are kept in a cache bounded by count (4096) and by bytes
 * (4 MiB; tokens over 8 KiB are never kept), keyed by the exact token
 * string, so validating the same token again skips only the signature check;
 * an entry dies when its `kid` leaves the key set. A cache hit returns the
 * same `Session` object, opens no span and builds no `Schema` class.
 *
 * @since 0.1.0
 */
import type * as ConfigError from "effect/ConfigError"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Either from "effect/Either"
import * as Layer from "effect/Layer"
import * as ParseResult from "effect/ParseResult"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { boundedMemo } from "../internal/boundedMemo.js"
import { type Header, invalid, isCanonicalBase64url, parse, type Parsed, parseHeader } from "../internal/compactJws.js"
import { fromOwnedClaims } from "../internal/sessionClaims.js"
import * as SyncVerify from "../internal/syncVerify.js"
import { DescopeConfig } from "./DescopeConfig.js"
import { InvalidSessionError } from "./DescopeError.js"
import type { DescopeHttp } from "./DescopeHttp.js"
import * as Jwks from "./Jwks.js"
import {
  type Session,
  SessionValidator,
  type SessionValidatorService,
  type ValidateOptions,
  type ValidationError
} from "./Session.js"
import * as Verifier from "./Verifier.js"

/**
 * Options of the live validator.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The largest token accepted, in bytes; checked before any decoding. Default 16384. */
  readonly maxTokenSize?: number | undefined
  /** How many verified tokens are remembered; `0` switches the cache off. Default 4096. */
  readonly cacheSize?: number | undefined
  /**
   * The most memory the remembered tokens may hold, in bytes (estimated as
   * twice the token's length plus 512 per entry); the oldest leave first.
   * Default {@link DEFAULT_CACHE_BYTES} (4 MiB).
   */
  readonly cacheMaxBytes?: number | undefined
  /** Tokens longer than this (in bytes) are verified on every call, never remembered. Default {@link DEFAULT_CACHE_MAX_TOKEN_SIZE} (8 KiB). */
  readonly cacheMaxTokenSize?: number | undefined
}

/**
 * The default token size limit (16 KiB).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MAX_TOKEN_SIZE = 16 * 1024

/**
 * The default number of verified tokens remembered.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_CACHE_SIZE = 4096

/**
 * The default bound of the verified-token cache in bytes (4 MiB).
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_CACHE_BYTES = 4 * 1024 * 1024

/**
 * The default size above which a verified token is not remembered (8 KiB).
 *
 * @since 0.2.0
 * @category constants
 */
export const DEFAULT_CACHE_MAX_TOKEN_SIZE = 8 * 1024

/** The estimated memory of one cached token: its string, the parsed claims and the session built from them. */
const costOf = (token: string): number => 2 * token.length + 512

/**
 * Whether an `iss` claim names the project: equal to the project id, or a URL
 * or slash path whose last or second-to-last non-empty segment is the project id.
 *
 * @since 0.1.0
 * @category guards
 */
export const issuerMatches = (iss: string, projectId: string): boolean => {
  if (iss === projectId) return true
  if (iss === "" || projectId === "") return false
  let path = iss
  try {
    path = new URL(iss).pathname
  } catch {
    path = iss
  }
  const segments = path.split("/").filter((s) => s !== "")
  return segments[segments.length - 1] === projectId || segments[segments.length - 2] === projectId
}

interface Entry {
  readonly kid: string
  readonly key: Verifier.SigningKey
  readonly session: Session
  readonly exp: number
  readonly nbf: number | undefined
  readonly iat: number | undefined
  readonly aud: unknown
  /** The `drn` claim when it is a string: `DS` (session), `DSR` (refresh). */
  readonly drn: string | undefined
  /** The last custom-claims schema used with this token and its result. */
  schema?: unknown
  decoded?: Session<unknown>
  /** The estimated bytes of the entry (see `costOf`), counted while it is in the cache. */
  cost?: number
}

const audienceMatches = (aud: unknown, expected: string | ReadonlyArray<string>): boolean => {
  const wanted = typeof expected === "string" ? [expected] : expected
  if (typeof aud === "string") return wanted.includes(aud)
  if (Array.isArray(aud)) return aud.some((a) => typeof a === "string" && wanted.includes(a))
  return false
}

/**
 * Builds the live validator.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (
  options: Options = {}
): Effect.Effect<SessionValidatorService, never, Jwks.Jwks | Verifier.Verifier | DescopeConfig> =>
  Effect.gen(function*() {
    const config = yield* DescopeConfig
    const jwks = yield* Jwks.Jwks
    const verifier = yield* Verifier.Verifier
    // set only for the Node verifier's own `verify` (a wrapper replacing it takes the effect path)
    const verifySync = SyncVerify.verifySyncOf(verifier)
    const projectId = config.projectId
    const leeway = Duration.toSeconds(config.jwtLeeway)
    const maxSize = options.maxTokenSize ?? DEFAULT_MAX_TOKEN_SIZE
    const capacity = Math.max(0, Math.floor(options.cacheSize ?? DEFAULT_CACHE_SIZE))

    const cache = new Map<string, Entry>()
    const imported = new WeakMap<Verifier.SigningKey, Either.Either<Verifier.ImportedKey, string>>()
    const issuers = boundedMemo<boolean>(256)

    const issuerOk = (iss: unknown): boolean =>
      typeof iss === "string" && issuers(iss, () => issuerMatches(iss, projectId))

    // Tokens signed by one key share their header segment: its checked parts are kept (successes only, at most 64).
    const headers = new Map<string, Header>()
    const headerOf = (headerPart: string): Header | InvalidSessionError => {
      const known = headers.get(headerPart)
      if (known !== undefined) return known
      const header = parseHeader(headerPart)
      if (header instanceof InvalidSessionError) return header
      if (headers.size >= 64) headers.clear()
      headers.set(headerPart, header)
      return header
    }

    // First in, first out through a ring of the cached tokens (head: the oldest): finding a Map's oldest key by
    // iterating it skips every entry deleted since the Map last compacted, a cost that grows with the traffic.
    // Bounded by count and by estimated bytes; `used` counts the entries still in the cache.
    const maxBytes = Math.max(0, Math.floor(options.cacheMaxBytes ?? DEFAULT_CACHE_BYTES))
    const maxCachedToken = Math.max(0, Math.floor(options.cacheMaxTokenSize ?? DEFAULT_CACHE_MAX_TOKEN_SIZE))
    const ringTokens: Array<string | undefined> = []
    const ringEntries: Array<Entry | undefined> = []
    let head = 0
    let count = 0
    let used = 0
    const drop = (token: string): void => {
      const entry = cache.get(token)
      if (entry === undefined) return
      cache.delete(token)
      used -= entry.cost ?? 0
    }
    const evictOldest = (): void => {
      const token = ringTokens[head]
      if (token !== undefined && cache.get(token) === ringEntries[head]) drop(token)
      ringTokens[head] = undefined
      ringEntries[head] = undefined
      head = head + 1 === capacity ? 0 : head + 1
      count--
    }
    const remember = (token: string, entry: Entry): void => {
      if (capacity === 0 || token.length > maxCachedToken) return
      const cost = costOf(token)
      if (cost > maxBytes) return
      drop(token)
      if (count === capacity) evictOldest()
      while (count > 0 && used + cost > maxBytes) evictOldest()
      const slot = (head + count) % capacity
      ringTokens[slot] = token
      ringEntries[slot] = entry
      count++
      entry.cost = cost
      used += cost
      cache.set(token, entry)
    }

    /** The per-call checks, run on every validation (cache hit or not). */
    const finish = <Custom>(
      token: string,
      entry: Entry,
      callOptions: ValidateOptions<Custom> | undefined,
      now: number
    ): Effect.Effect<Session<Custom>, InvalidSessionError> => {
      if (entry.drn === "DSR") {
        if (callOptions === undefined || callOptions.tokenType !== "refresh") {
          return Effect.fail(invalid("WrongTokenType", "a refresh token (drn DSR) is not a session token"))
        }
      } else if (callOptions !== undefined && callOptions.tokenType === "refresh" && entry.drn !== undefined) {
        return Effect.fail(invalid("WrongTokenType", "a session token (drn other than DSR) is not a refresh token"))
      }
      const seconds = Math.floor(now / 1000)
      if (entry.exp <= seconds - leeway) {
        drop(token)
        return Effect.fail(invalid("Expired", "the token has expired"))
      }
      if (entry.nbf !== undefined && entry.nbf > seconds + leeway) {
        return Effect.fail(invalid("NotYetValid", "the token is not valid yet (nbf)"))
      }
      if (callOptions === undefined) return Effect.succeed(entry.session as Session<Custom>)
      if (callOptions.audience !== undefined && !audienceMatches(entry.aud, callOptions.audience)) {
        return Effect.fail(invalid("WrongAudience", "the token's audience does not match"))
      }
      if (callOptions.maxTokenAge !== undefined) {
        const maxAge = Duration.toSeconds(Duration.decode(callOptions.maxTokenAge))
        if (entry.iat === undefined) return Effect.fail(invalid("TooOld", "the token has no iat"))
        // as jose: with a maximum age, an iat in the future (beyond the leeway) gives no age at all
        if (entry.iat > seconds + leeway) return Effect.fail(invalid("NotYetValid", "the token's iat is in the future"))
        if (seconds - entry.iat - leeway > maxAge) return Effect.fail(invalid("TooOld", "the token is too old"))
      }
      const schema = callOptions.claims
      if (schema === undefined) return Effect.succeed(entry.session as Session<Custom>)
      if (entry.schema === schema && entry.decoded !== undefined) {
        return Effect.succeed(entry.decoded as Session<Custom>)
      }
      const decoded = Schema.decodeUnknownEither(schema)(entry.session.customClaims, { errors: "first" })
      if (Either.isLeft(decoded)) {
        return Effect.fail(invalid("InvalidClaims", ParseResult.TreeFormatter.formatErrorSync(decoded.left)))
      }
      const session: Session<Custom> = { ...entry.session, customClaims: decoded.right }
      entry.schema = schema
      entry.decoded = session
      return Effect.succeed(session)
    }

    /** After a valid signature: issuer, then cache, then the per-call checks. */
    const accept = <Custom>(
      token: string,
      jwt: Redacted.Redacted<string> | string,
      parsed: Parsed,
      key: Verifier.SigningKey,
      callOptions: ValidateOptions<Custom> | undefined,
      now: number
    ): Effect.Effect<Session<Custom>, InvalidSessionError> => {
      const payload = parsed.payload
      if (!issuerOk(payload.iss)) {
        return Effect.fail(invalid("WrongIssuer", "the token was not issued for this project"))
      }
      // Descope always signs both: a token without them is not one of its session or refresh tokens
      if (payload.exp === undefined) return Effect.fail(invalid("MissingClaim", "the token has no exp claim"))
      if (typeof payload.sub !== "string" || payload.sub === "") {
        return Effect.fail(invalid("MissingClaim", "the token's sub claim is missing, empty or not a string"))
      }
      const entry: Entry = {
        kid: parsed.kid,
        key,
        // shared by every cache hit: frozen so one caller cannot change another's session; the payload, parsed
        // for this call only, becomes its claims (no copy)
        session: Object.freeze(fromOwnedClaims(jwt, payload, projectId)),
        exp: payload.exp as number,
        nbf: payload.nbf as number | undefined,
        iat: payload.iat as number | undefined,
        aud: payload.aud,
        drn: typeof payload.drn === "string" ? payload.drn : undefined
      }
      if (entry.exp > Math.floor(now / 1000) - leeway) remember(token, entry)
      return finish(token, entry, callOptions, now)
    }

    const importKey = (key: Verifier.SigningKey): Effect.Effect<Verifier.ImportedKey, InvalidSessionError> => {
      const known = imported.get(key)
      const result = known !== undefined
        ? Effect.succeed(known)
        : Effect.tap(Effect.either(verifier.importKey(key)), (either) => {
          imported.set(key, either)
        })
      return Effect.flatMap(result, (either) =>
        Either.isRight(either)
          ? Effect.succeed(either.right)
          : Effect.fail(invalid("UnknownKey", `the signing key cannot be used: ${either.left}`)))
    }

    const verifyWith = <Custom>(
      token: string,
      jwt: Redacted.Redacted<string> | string,
      parsed: Parsed,
      key: Verifier.SigningKey,
      callOptions: ValidateOptions<Custom> | undefined,
      now: number
    ): Effect.Effect<Session<Custom>, InvalidSessionError> => {
      if (key.alg !== parsed.alg) {
        return Effect.fail(
          invalid("AlgorithmNotAllowed", `the token's algorithm ${parsed.alg} is not its key's ${key.alg}`)
        )
      }
      const cached = cache.get(token)
      if (cached !== undefined && cached.key === key) return finish(token, cached, callOptions, now)
      if (!isCanonicalBase64url(parsed.signature)) {
        return Effect.fail(invalid("BadSignature", "the signature is not canonical base64url"))
      }
      const known = imported.get(key)
      if (verifySync !== undefined && known !== undefined && Either.isRight(known)) {
        // the Node verifier with the key imported: the same check in this step, no effect chain
        return verifySync(known.right, parsed.signingInput, parsed.signature)
          ? accept(token, jwt, parsed, key, callOptions, now)
          : Effect.fail(invalid("BadSignature", "the signature is not valid"))
      }
      return Effect.flatMap(
        importKey(key),
        (importedKey) =>
          Effect.flatMap(verifier.verify(importedKey, parsed.signingInput, parsed.signature), (ok) =>
            ok
              ? accept(token, jwt, parsed, key, callOptions, now)
              : Effect.fail(invalid("BadSignature", "the signature is not valid")))
      )
    }

    const validate = <Custom = Readonly<Record<string, unknown>>>(
      jwt: Redacted.Redacted<string> | string,
      callOptions?: ValidateOptions<Custom>
    ): Effect.Effect<Session<Custom>, ValidationError> =>
      Effect.clockWith((clock) => {
        const now = clock.unsafeCurrentTimeMillis()
        const token = typeof jwt === "string" ? jwt : Redacted.isRedacted(jwt) ? Redacted.value(jwt) : undefined
        if (typeof token !== "string") return Effect.fail(invalid("Missing", "the token is not a string"))
        const hit = cache.get(token)
        if (hit !== undefined) {
          const fresh = jwks.unsafeFresh(now)
          if (fresh !== undefined) {
            if (fresh.keys.get(hit.kid) === hit.key) return finish(token, hit, callOptions, now)
            drop(token) // its key left the set (or changed)
          }
        }
        const parsed = parse(token, maxSize, headerOf)
        if (parsed instanceof InvalidSessionError) return Effect.fail(parsed)
        const key = jwks.unsafeFresh(now)?.keys.get(parsed.kid)
        if (key !== undefined) return verifyWith(token, jwt, parsed, key, callOptions, now)
        return Effect.flatMap(jwks.getKey(parsed.kid), (found): Effect.Effect<Session<Custom>, ValidationError> =>
          found === undefined
            ? Effect.fail(invalid("UnknownKey", "no signing key has the token's kid"))
            : verifyWith(token, jwt, parsed, found, callOptions, now))
      })

    return SessionValidator.of({ validate })
  })

/**
 * The live validator layer over a `Jwks` and a `Verifier`.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (
  options: Options = {}
): Layer.Layer<SessionValidator, never, Jwks.Jwks | Verifier.Verifier | DescopeConfig> =>
  Layer.effect(SessionValidator, make(options))

/**
 * The default validator: the live validator with the key layer chosen by the
 * configuration (static when `publicKey` is set, else remote) and the default
 * verifier (Node's on Node).
 *
 * @since 0.1.0
 * @category layers
 */
export const layerDefault = (
  options: Options & { readonly jwks?: Jwks.RemoteOptions | undefined } = {}
): Layer.Layer<SessionValidator, ConfigError.ConfigError, DescopeConfig | DescopeHttp> =>
  layer(options).pipe(Layer.provide(Jwks.layerFromConfig(options.jwks)), Layer.provide(Verifier.layer))
