/**
 * descope-effect/promise: the client for code that does not use Effect.
 *
 * `createDescope(config)` builds the `DescopeClient` once, in a
 * `ManagedRuntime` (signing keys, verified-token cache and refresh sharing
 * live as long as it does), and gives every operation as a Promise:
 * `validateSession`, `refreshSession`, `authenticateRequest` (the request
 * authentication every adapter shares), the sign-in flows (`otp`,
 * `magicLink`, `password` ...) and the management calls (`mgmt.user.create`
 * ...). A Promise rejects with the very error the Effect fails with: the same
 * typed classes (`InvalidSessionError` with its `reason`, `RateLimitError`
 * with its `retryAfter`, `DescopeUnavailable` ...), told apart by `_tag`.
 * `dispose()` releases the runtime.
 *
 * @example
 * ```ts
 * import { createDescope } from "descope-effect/promise"
 *
 * const descope = createDescope({ projectId: "P2abc", managementKey: process.env.DESCOPE_MANAGEMENT_KEY })
 *
 * export async function userIdOf(token: string): Promise<string | undefined> {
 *   try {
 *     return (await descope.validateSession(token)).userId
 *   } catch (error) {
 *     if ((error as { _tag?: string })._tag === "InvalidSessionError") return undefined
 *     throw error // the signing keys could not be fetched: not "signed out"
 *   }
 * }
 * // on shutdown: await descope.dispose()
 * ```
 *
 * @since 0.2.0
 */

// first: an unsupported `effect` fails here, with one sentence naming the versions
import "../internal/effectVersion.js"

import * as FetchHttpClient from "@effect/platform/FetchHttpClient"
import type * as HttpClient from "@effect/platform/HttpClient"
import * as Cause from "effect/Cause"
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Stream from "effect/Stream"
import type * as DescopeConfig from "../core/DescopeConfig.js"
import { DescopeClient } from "../DescopeClient.js"
import * as DescopeLayers from "../layers/Descope.js"
import * as RequestAuth from "../server/RequestAuth.js"
import type * as ServerError from "../server/ServerError.js"

/**
 * An API whose Effects became Promises: a method returning an `Effect` returns
 * a `Promise` of its success; a method returning a `Stream` (a paginated
 * search) a `Promise` of all its elements; an `Effect`-valued property becomes a method;
 * nested APIs are converted the same way; anything else is kept.
 *
 * @since 0.2.0
 * @category models
 */
export type Promisified<T> = T extends Effect.Effect<infer A, infer _E, infer _R> ? () => Promise<A>
  : T extends (...args: infer Args) => Effect.Effect<infer A, infer _E, infer _R> ? (...args: Args) => Promise<A>
  : T extends (...args: infer Args) => Stream.Stream<infer A, infer _E, infer _R> ? (
      ...args: Args
    ) => Promise<Array<A>>
  : T extends (...args: ReadonlyArray<never>) => unknown ? T
  : T extends object ? { readonly [K in keyof T]: Promisified<T[K]> }
  : T

/**
 * The Promise client.
 *
 * @since 0.2.0
 * @category models
 */
export type Descope = Promisified<Omit<DescopeClient["Type"], "config">> & {
  /**
   * Authenticates a web `Request` (or its `authorization` and `cookie`
   * headers), then checks `options.require`: `Authenticated`,
   * `Unauthenticated` (401) or `Forbidden` (403). Rejects with
   * `DescopeUnavailable` (503) when Descope or the signing keys cannot be used.
   */
  readonly authenticateRequest: (
    request: Request | RequestAuth.RequestHeaders,
    options?: RequestAuth.RequestOptions
  ) => Promise<RequestAuth.Result>
  /** Runs an Effect that needs the client, rejecting with its typed error. */
  readonly run: <A, E>(effect: Effect.Effect<A, E, DescopeClient>) => Promise<A>
  /** Releases the runtime (caches, the key refresher, open connections). */
  readonly dispose: () => Promise<void>
}

/**
 * The configuration of {@link createDescope}: the client's options, and the
 * `HttpClient` layer to use (default `FetchHttpClient.layer`).
 *
 * @since 0.2.0
 * @category models
 */
export interface Config extends DescopeConfig.Options {
  readonly httpClient?: Layer.Layer<HttpClient.HttpClient> | undefined
}

/**
 * The `DescopeUnavailable` rejection of `authenticateRequest`, for a `catch`.
 *
 * @since 0.2.0
 * @category models
 */
export type AuthenticateRequestError = ServerError.DescopeUnavailable

const runWith = <R>(runtime: ManagedRuntime.ManagedRuntime<R, unknown>) => <A, E>(effect: Effect.Effect<A, E, R>) =>
  runtime.runPromiseExit(effect).then((exit) => {
    if (Exit.isSuccess(exit)) return exit.value
    const failure = Cause.failureOption(exit.cause)
    // the typed error itself, not a FiberFailure wrapping it: `_tag`, `reason`, `retryAfter` as in Effect
    throw failure._tag === "Some" ? failure.value : Cause.squash(exit.cause)
  })

const promisify = (
  value: unknown,
  run: (effect: Effect.Effect<unknown, unknown, never>) => Promise<unknown>
): unknown => {
  if (Effect.isEffect(value)) return () => run(value as Effect.Effect<unknown, unknown, never>)
  if (typeof value === "function") {
    return (...args: ReadonlyArray<unknown>) => {
      const result: unknown = (value as (...a: ReadonlyArray<unknown>) => unknown)(...args)
      if (Effect.isEffect(result)) return run(result as Effect.Effect<unknown, unknown, never>)
      if (typeof result === "object" && result !== null && Stream.StreamTypeId in result) {
        return run(Effect.map(Stream.runCollect(result as Stream.Stream<unknown, unknown>), Chunk.toArray))
      }
      return result
    }
  }
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {}
    for (const [key, member] of Object.entries(value)) out[key] = promisify(member, run)
    return out
  }
  return value
}

/**
 * A Promise client over a layer providing the `DescopeClient` (e.g. a client
 * over the emulator in tests). The layer is built on first use.
 *
 * @since 0.2.0
 * @category constructors
 */
export const fromLayer = <E>(layer: Layer.Layer<DescopeClient, E>): Descope => {
  const runtime = ManagedRuntime.make(layer)
  const run = runWith(runtime)
  let client: Promise<Record<string, unknown>> | undefined
  const clientApi = (): Promise<Record<string, unknown>> => {
    if (client === undefined) {
      client = run(Effect.map(DescopeClient, (c) => {
        const { config: _config, ...api } = c
        return promisify(api, run) as Record<string, unknown>
      }))
    }
    return client
  }
  const lazy = (path: ReadonlyArray<string>): unknown =>
    new Proxy(() => undefined, {
      // `then` stays undefined: awaiting a client (or a part of it) must not look like a thenable
      // a function's own members (`name`, `toString` ...; no API member is so named) stay the function's
      get: (target, key) =>
        typeof key !== "string" || key === "then"
          ? undefined
          : key in target
          ? Reflect.get(target, key)
          : lazy([...path, key]),
      apply: async (_target, _this, args: ReadonlyArray<unknown>) => {
        let member: unknown = await clientApi()
        for (const key of path) member = (member as Record<string, unknown> | undefined)?.[key]
        if (typeof member !== "function") throw new TypeError(`descope.${path.join(".")} is not a function`)
        return (member as (...a: ReadonlyArray<unknown>) => unknown)(...args)
      }
    })
  const own = {
    authenticateRequest: (request: Request | RequestAuth.RequestHeaders, options?: RequestAuth.RequestOptions) =>
      run(RequestAuth.authenticateRequest(request, options)),
    run,
    dispose: () => runtime.dispose()
  }
  return new Proxy(own, {
    get: (target, key) =>
      typeof key !== "string" || key === "then"
        ? undefined
        : Object.prototype.hasOwnProperty.call(target, key)
        ? target[key as keyof typeof target]
        : lazy([key])
  }) as unknown as Descope
}

/**
 * The Promise client from the client's options (over `fetch` unless
 * `httpClient` says otherwise); see the module doc.
 *
 * @since 0.2.0
 * @category constructors
 */
export const createDescope = (config: Config): Descope => {
  const { httpClient, ...options } = config
  return fromLayer(DescopeLayers.layer(options).pipe(Layer.provide(httpClient ?? FetchHttpClient.layer)))
}
