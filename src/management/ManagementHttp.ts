/**
 * The management transport shared by every `client.mgmt` area: the license
 * handshake (§10.12), the `x-descope-license` header, and the client-side
 * argument checks that fail with `InvalidArgumentError` before anything is sent.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import type * as Scope from "effect/Scope"
import type { InvalidArgumentError as InvalidArgumentErrorType, RemoteError } from "../core/DescopeError.js"
import { InvalidArgumentError } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import { EmptyResponse, withRequestOptions } from "../core/DescopeHttp.js"
import * as SingleFlight from "../internal/SingleFlight.js"
import * as Validate from "../internal/validate.js"
import type * as Endpoint from "../wire/Endpoint.js"
import * as Fields from "../wire/Fields.js"
import * as License from "../wire/mgmt/License.js"

/**
 * What every management call may fail with: Descope's answer
 * (`AuthError` / `RateLimitError` / `TransportError`) or a refused argument,
 * including a missing management key (`InvalidArgumentError` naming `managementKey`).
 *
 * @since 0.1.0
 * @category models
 */
export type ManagementError = RemoteError | InvalidArgumentErrorType

/**
 * The management transport.
 *
 * @since 0.1.0
 * @category models
 */
export interface ManagementHttp {
  /** The underlying transport. */
  readonly http: DescopeHttp.Service
  /**
   * A catalogued management call: the license handshake runs first (once per
   * client, failures tolerated), then the request carries `x-descope-license`
   * when a tier is known.
   */
  readonly call: <P extends string, Req, ReqI, Res, ResI>(
    endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
    input: DescopeHttp.CallInput<P, Req>
  ) => Effect.Effect<Res, ManagementError>
  /**
   * The license handshake now, its failure surfaced: checks the management key
   * (`AuthError` for a key Descope refuses, `InvalidArgumentError` naming
   * `managementKey` when there is none); on success later calls skip the handshake.
   */
  readonly warmUp: Effect.Effect<void, ManagementError>
  /** The scope that owns the client's shared work (the license handshake, batched user loads). */
  readonly scope: Scope.Scope
  /**
   * A counter that moves when a write (any call but a read: `GET`, `load*`,
   * `search*`, `get*`, `list*`, `export*`, `history`) starts and when it ends,
   * so that shared reads started after a write never join one started before.
   */
  readonly writeEpoch: () => number
}

/**
 * Whether a management call may change what Descope answers to a read: any
 * call but a `GET` or one named as a read (`load*`, `search*`, `get*`,
 * `list*`, `export*`, `history`).
 *
 * @since 0.2.0
 * @category guards
 */
export const isWrite = (method: string, operation: string): boolean => {
  if (method === "GET") return false
  const name = operation.slice(operation.lastIndexOf(".") + 1)
  return !/^(load|search|get|list|export|history)/.test(name)
}

/**
 * The license path of §10.12.
 *
 * @since 0.1.0
 * @category constants
 */
export const LICENSE_PATH: string = License.get.path

/**
 * Builds the management transport. Nothing is sent here: the license
 * handshake is memoized and runs lazily, on the first management call.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (http: DescopeHttp.Service): Effect.Effect<ManagementHttp, never, Scope.Scope> =>
  Effect.gen(function*() {
    const scope = yield* Effect.scope
    const requestLicense: Effect.Effect<string | undefined, ManagementError> = http.call(License.get, {}).pipe(
      withRequestOptions({ timeout: "5 seconds", retry: false }),
      Effect.map((body) => body.rateLimitTier ?? undefined)
    )
    const fetchLicense: Effect.Effect<string | undefined> = requestLicense.pipe(
      Effect.catchAllCause(() => Effect.succeed<string | undefined>(undefined))
    )
    // the handshake's answer once it is in: later calls read it without waiting for anything
    let known: { readonly tier: string | undefined } | undefined
    const handshake = Effect.tap(fetchLicense, (tier) =>
      Effect.sync(() => {
        known = { tier }
      }))
    // One background flight in the client's scope (never a daemon: closing the client interrupts it): a caller
    // interrupted while waiting for it leaves it running for the others. Its answer is kept in `known`.
    const flights = yield* SingleFlight.make<"license", string | undefined, never>()
    const license: Effect.Effect<string | undefined> = Effect.suspend(() =>
      known !== undefined
        ? Effect.succeed(known.tier)
        : Effect.zipRight(flights.start("license", handshake), flights.run("license", handshake))
    )
    let epoch = 0
    /** A write moves the epoch when it starts and when it ends (see `writeEpoch`). */
    const asWrite = <A, E>(method: string, operation: string, effect: Effect.Effect<A, E>): Effect.Effect<A, E> =>
      isWrite(method, operation)
        ? Effect.zipRight(
          Effect.sync(() => void epoch++),
          Effect.ensuring(effect, Effect.sync(() => void epoch++))
        )
        : effect
    const sendCall = <P extends string, Req, ReqI, Res, ResI>(
      endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
      input: DescopeHttp.CallInput<P, Req>,
      tier: string | undefined
    ) =>
      http.call<P, Req, ReqI, Res, ResI>(
        endpoint,
        tier === undefined || tier === ""
          ? input
          : ({ ...input, headers: { ...input.headers, "x-descope-license": tier } } as DescopeHttp.CallInput<P, Req>)
      )
    const call = <P extends string, Req, ReqI, Res, ResI>(
      endpoint: Endpoint.Endpoint<P, Req, ReqI, Res, ResI>,
      input: DescopeHttp.CallInput<P, Req>
    ): Effect.Effect<Res, ManagementError> =>
      asWrite(
        endpoint.method,
        endpoint.name,
        Effect.suspend(() =>
          known !== undefined
            ? sendCall(endpoint, input, known.tier)
            : Effect.flatMap(license, (tier) => sendCall(endpoint, input, tier))
        )
      )
    const warmUp: Effect.Effect<void, ManagementError> = Effect.flatMap(requestLicense, (tier) =>
      Effect.sync(() => {
        known = { tier }
      }))
    return { http, call, warmUp, scope, writeEpoch: () => epoch }
  })

// ---------------------------------------------------------------------------
// argument checks
// ---------------------------------------------------------------------------

/**
 * Fails with `InvalidArgumentError` when `value` is empty (or blank).
 *
 * @since 0.1.0
 * @category validation
 */
export const nonEmpty = (field: string, value: string | undefined): Effect.Effect<void, InvalidArgumentErrorType> =>
  value === undefined || value.trim() === ""
    ? Effect.fail(new InvalidArgumentError({ field, reason: "must not be empty" }))
    : Effect.void

/**
 * Fails with `InvalidArgumentError` when the list is empty or holds an empty value.
 *
 * @since 0.1.0
 * @category validation
 */
export const nonEmptyList = (
  field: string,
  values: ReadonlyArray<string> | undefined
): Effect.Effect<void, InvalidArgumentErrorType> =>
  values === undefined || values.length === 0
    ? Effect.fail(new InvalidArgumentError({ field, reason: "must hold at least one value" }))
    : values.some((v) => v.trim() === "")
    ? Effect.fail(new InvalidArgumentError({ field, reason: "must not hold an empty value" }))
    : Effect.void

/**
 * Fails with `InvalidArgumentError` when a batch holds no element.
 *
 * @since 0.1.0
 * @category validation
 */
export const nonEmptyBatch = (
  field: string,
  values: ReadonlyArray<unknown> | undefined
): Effect.Effect<void, InvalidArgumentErrorType> =>
  values === undefined || values.length === 0
    ? Effect.fail(new InvalidArgumentError({ field, reason: "must hold at least one element" }))
    : Effect.void

/**
 * Fails with `InvalidArgumentError` unless exactly one of `name` and `id` is
 * given (and not empty): the two ways a role or permission is identified.
 *
 * @since 0.1.0
 * @category validation
 */
export const nameOrId = (
  o: { readonly name?: string | undefined; readonly id?: string | undefined }
): Effect.Effect<void, InvalidArgumentErrorType> => {
  const hasName = o.name !== undefined && o.name.trim() !== ""
  const hasId = o.id !== undefined && o.id.trim() !== ""
  return hasName !== hasId
    ? Effect.void
    : Effect.fail(new InvalidArgumentError({ field: "name", reason: "exactly one of name and id must be given" }))
}

/**
 * Fails with `InvalidArgumentError` unless at least one of the given selectors
 * holds a value, and none holds an empty one. Batch deletes use it: the server
 * reads "no filter" as "everything".
 *
 * @since 0.1.0
 * @category validation
 */
export const someSelected = (
  selectors: ReadonlyArray<readonly [field: string, values: ReadonlyArray<string> | undefined]>
): Effect.Effect<void, InvalidArgumentErrorType> => {
  const given = selectors.filter(([, values]) => values !== undefined && values.length > 0)
  if (given.length === 0) {
    return Effect.fail(
      new InvalidArgumentError({
        field: selectors.map(([field]) => field).join(" / "),
        reason: "must hold at least one value (an empty selection would match everything)"
      })
    )
  }
  return Effect.all(given.map(([field, values]) => nonEmptyList(field, values)), { discard: true })
}

/**
 * Whether `value` looks like an e-mail address: the SDK's one e-mail rule
 * (`internal/validate.ts`), deliberately loose: the server has the last word.
 *
 * @since 0.1.0
 * @category validation
 */
export const isEmail: (value: string) => boolean = Validate.isEmail

/**
 * Fails with `InvalidArgumentError` when a given (non-empty) e-mail address is malformed.
 *
 * @since 0.1.0
 * @category validation
 */
export const optionalEmail: (
  field: string,
  value: string | undefined
) => Effect.Effect<void, InvalidArgumentErrorType> = Validate.optionalEmail

/**
 * Fails with `InvalidArgumentError` when a given number is negative or not an integer.
 *
 * @since 0.1.0
 * @category validation
 */
export const nonNegativeInt = (
  field: string,
  value: number | undefined
): Effect.Effect<void, InvalidArgumentErrorType> =>
  value === undefined || (Number.isInteger(value) && value >= 0)
    ? Effect.void
    : Effect.fail(new InvalidArgumentError({ field, reason: "must be a non-negative integer" }))

/**
 * A secret input: a `Redacted` value or plain text.
 *
 * @since 0.1.0
 * @category models
 */
export type Secret = Redacted.Redacted<string> | string

/**
 * The text of a secret input (unwrapped only for the request body).
 *
 * @since 0.1.0
 * @category constructors
 */
export const reveal = (secret: Secret): string => (Redacted.isRedacted(secret) ? Redacted.value(secret) : secret)

/**
 * `reveal` for optional secrets.
 *
 * @since 0.1.0
 * @category constructors
 */
export const revealOptional = (secret: Secret | undefined): string | undefined =>
  secret === undefined ? undefined : reveal(secret)

/**
 * A schema for `{}` answers whose body is ignored.
 *
 * @since 0.1.0
 * @category schemas
 */
export const Void: Schema.Schema<unknown> = EmptyResponse

/**
 * Runs `checks` (all of them, in order) and then `call`.
 *
 * @since 0.1.0
 * @category combinators
 */
export const checked = <A, E>(
  checks: ReadonlyArray<Effect.Effect<void, InvalidArgumentErrorType>>,
  call: Effect.Effect<A, E>
): Effect.Effect<A, E | InvalidArgumentErrorType> =>
  checks.length === 0
    ? call
    : checks.length === 1
    ? Effect.zipRight(checks[0]!, call)
    : Effect.zipRight(Effect.all(checks, { discard: true }), call)

/**
 * Optional nullable field helper for response schemas (the catalogue's `Fields.opt`).
 *
 * @since 0.1.0
 * @category schemas
 */
export const opt: typeof Fields.opt = Fields.opt
