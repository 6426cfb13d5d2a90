/**
 * The management transport shared by every `client.mgmt` area: the license
 * handshake (§10.12) and the `x-descope-license` header.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import type * as Scope from "effect/Scope"
import type { InvalidArgumentError, RemoteError } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import { withRequestOptions } from "../core/DescopeHttp.js"
import * as SingleFlight from "../internal/SingleFlight.js"
import type * as Endpoint from "../wire/Endpoint.js"
import * as License from "../wire/mgmt/License.js"

/**
 * What every management call may fail with: Descope's answer
 * (`AuthError` / `RateLimitError` / `TransportError`) or a refused argument,
 * including a missing management key (`InvalidArgumentError` naming `managementKey`).
 *
 * @since 0.1.0
 * @category models
 */
export type ManagementError = RemoteError | InvalidArgumentError

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
 */
const isWrite = (method: string, operation: string): boolean => {
  if (method === "GET") return false
  const name = operation.slice(operation.lastIndexOf(".") + 1)
  return !/^(load|search|get|list|export|history)/.test(name)
}

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
