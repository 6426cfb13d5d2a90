/**
 * Helpers of `server/RequestAuth`: which failures are the keys endpoint's,
 * the shapes of tokens (an access key, an inbound application's access
 * token), and the access-key sessions a client's authenticators share.
 */
import * as Clock from "effect/Clock"
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import { InvalidSessionError, type RateLimitError, type TransportError } from "../core/DescopeError.js"
import type { Session, ValidateOptions } from "../core/Session.js"
import type { DescopeClient } from "../DescopeClient.js"
import * as ServerError from "../server/ServerError.js"
import * as KeysWire from "../wire/auth/Keys.js"

const KEYS_PREFIX = KeysWire.get.path.slice(0, KeysWire.get.path.indexOf("{"))

/** Whether an outage is the keys endpoint's (then a 503 says the keys cannot be fetched). */
export const isKeysFailure = (error: TransportError | RateLimitError): boolean =>
  error._tag === "TransportError" && error.path !== undefined && error.path.startsWith(KEYS_PREFIX)

/** A JWT has three segments; an access key does not. */
export const isJwtShaped = (token: string): boolean => token.split(".").length === 3

/** An access token Descope issued to an inbound (third-party) application names its client. */
export const isInboundAppToken = (session: Session): boolean =>
  typeof session.claims["client_id"] === "string" || typeof session.claims["azp"] === "string"

/** The refusal of an inbound application's access token where none is accepted (or from a cookie). */
export const inboundRefused = (source: "bearer" | "cookie"): InvalidSessionError =>
  new InvalidSessionError({
    reason: "WrongTokenType",
    description: source === "bearer"
      ? "an inbound application's access token is not accepted here"
      : "an inbound application's access token is not a session cookie"
  })

/** The access-key sessions of a client, shared by every authenticator over it. */
const accessKeyCaches = new WeakMap<DescopeClient["Type"], Map<string, AccessKeyEntry>>()
interface AccessKeyEntry {
  expiresAt: number
  readonly session: Effect.Effect<Session, ServerError.AuthFailure>
}
const ACCESS_KEY_CACHE_SIZE = 1000

/**
 * The session of an access key: exchanged once (concurrent requests await
 * the same exchange), cached until its `exp` in the client's cache (at most
 * 1000 keys, the oldest dropped first); a refused key is a
 * `DescopeUnauthorized`, an outage a `DescopeUnavailable`, neither cached.
 */
export const accessKeySessions = (
  client: DescopeClient["Type"],
  validateOptions: ValidateOptions
): (key: Redacted.Redacted<string>) => Effect.Effect<Session, ServerError.AuthFailure> => {
  let accessKeys = accessKeyCaches.get(client)
  if (accessKeys === undefined) {
    accessKeys = new Map()
    accessKeyCaches.set(client, accessKeys)
  }
  const cache = accessKeys

  const exchange = (key: Redacted.Redacted<string>): Effect.Effect<Session, ServerError.AuthFailure> =>
    client.exchangeAccessKey(key, validateOptions).pipe(
      Effect.map((exchanged) => exchanged.session as Session),
      Effect.catchAll((e): Effect.Effect<never, ServerError.AuthFailure> =>
        e._tag === "TransportError" || e._tag === "RateLimitError"
          ? Effect.fail(ServerError.fromOutage(e, isKeysFailure(e)))
          : Effect.fail(
            new ServerError.DescopeUnauthorized({
              errorCode: ServerError.ServerErrorCodes.InvalidToken,
              errorDescription: "Invalid access key",
              errorMessage: `the access key was refused: ${e.message}`
            })
          )
      )
    )

  return (key) =>
    Effect.flatMap(Clock.currentTimeMillis, (millis) => {
      const text = Redacted.value(key)
      const now = millis / 1000
      let entry = cache.get(text)
      if (entry === undefined || entry.expiresAt <= now) {
        if (cache.size >= ACCESS_KEY_CACHE_SIZE) {
          const oldest = cache.keys().next()
          if (oldest.done !== true) cache.delete(oldest.value)
        }
        // one exchange per key: concurrent requests await the same cached exchange
        const session = Effect.runSync(Effect.cached(exchange(key)))
        const created: AccessKeyEntry = { expiresAt: Number.POSITIVE_INFINITY, session }
        cache.set(text, created)
        entry = created
      }
      const current = entry
      return current.session.pipe(
        Effect.tap((session) => {
          current.expiresAt = session.expiresAt ?? now
        }),
        Effect.tapError(() => Effect.sync(() => cache.get(text) === current && cache.delete(text)))
      )
    })
}
