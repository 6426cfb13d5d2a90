/**
 * What the emulator integration tests share: our client over the emulator
 * in process, the `status errorCode` of a failure, and a GET through the
 * emulator in process (a link the user follows).
 */
import * as HttpClient from "@effect/platform/HttpClient"
import type * as HttpClientResponse from "@effect/platform/HttpClientResponse"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import type { DescopeClient } from "../../src/DescopeClient.js"
import * as Emulator from "../../src/emulator/index.js"
import * as Descope from "../../src/layers/Descope.js"

/** Provides our client over a fresh in-process emulator of `projectId`. */
export const inProcess =
  (projectId: string, managementKey: string) =>
  <A, E>(program: Effect.Effect<A, E, DescopeClient | Emulator.Emulator>) =>
    program.pipe(
      Effect.provide(
        Descope.layer({ projectId, managementKey, baseUrl: "http://emulator.local" }).pipe(
          Layer.provide(Emulator.layerHttpClient)
        )
      ),
      Effect.provide(Emulator.layer({ projectId, managementKey }))
    )

/** `status errorCode` of an `AuthError`, else the failure's tag. */
export const failure = (e: unknown): string => {
  const r = e as { _tag?: string; status?: number; errorCode?: string }
  return r._tag === "AuthError" ? `${r.status} ${r.errorCode}` : String(r._tag)
}

/** A request through the emulator in process (`http://emulator.local/...` or a link it answered). */
export const viaEmulator = <A, E>(
  f: (client: HttpClient.HttpClient) => Effect.Effect<A, E>
): Effect.Effect<A, E, Emulator.Emulator> =>
  Effect.flatMap(Emulator.Emulator, (emulator) => f(Emulator.makeHttpClient(emulator)))

/** GETs a link through the emulator in process. */
export const follow = (url: string): Effect.Effect<HttpClientResponse.HttpClientResponse, never, Emulator.Emulator> =>
  viaEmulator((client) => client.get(url)).pipe(Effect.scoped, Effect.orDie)
