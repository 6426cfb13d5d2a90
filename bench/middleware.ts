/**
 * The server middleware's cost per request (issue 13 item 13): a request with a
 * valid bearer token (one repeated token, as a client sends it until it
 * expires) against one with an invalid bearer (a malformed token: the 401
 * path), through `DescopeMiddleware` over `HttpApp.toWebHandlerRuntime`, web
 * `Request` in, web `Response` out. An error path must cost no more than
 * success (target: invalid within 1.2x of valid).
 *
 * Two well-formed 401s beside them, each of which pays a signature check on
 * every request (a failed check is never remembered): a forged token (a valid
 * token with one character of its signature changed) and an expired one
 * (validly signed, `exp` an hour ago). They are reported, not targeted: their
 * cost over the valid (cached) line is the signature check itself.
 */
import * as HttpApp from "@effect/platform/HttpApp"
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Jwks from "../src/core/Jwks.js"
import { DescopeClient } from "../src/DescopeClient.js"
import * as Descope from "../src/layers/Descope.js"
import * as MockHttpClient from "../src/layers/MockHttpClient.js"
import * as DescopeMiddleware from "../src/server/DescopeMiddleware.js"
import { type GroupOptions, type GroupResult, pairedRatio, runGroup } from "./harness.js"

const PROJECT_ID = "P2benchMiddleware00000000000"

export interface MiddlewareResult {
  readonly validOpsPerSec: number
  readonly invalidOpsPerSec: number
  /** Invalid over valid in time per request (1 = the same cost; lower is better). */
  readonly invalidOverValid: number
  readonly cpuInvalidOverValid: number
  readonly forgedOpsPerSec: number
  readonly expiredOpsPerSec: number
  readonly group: GroupResult
}

export const runMiddleware = async (options: GroupOptions): Promise<MiddlewareResult> => {
  const layer = Descope.layerTestKeys(
    { projectId: PROJECT_ID, baseUrl: "http://127.0.0.1:1" },
    () => MockHttpClient.json({}, { status: 404 })
  )
  const runtime = ManagedRuntime.make(Layer.orDie(layer))
  const context = await runtime.runPromise(Effect.context<DescopeClient | Jwks.JwksTest>())
  const token = await runtime.runPromise(Context.get(context, Jwks.JwksTest).mint({ expiresIn: "1 hour" }))
  const app = DescopeMiddleware.make()(Effect.succeed(HttpServerResponse.text("ok")))
  const rt = await runtime.runtime()
  const handler = HttpApp.toWebHandlerRuntime(rt)(app)
  const request = (authorization: string) => new Request("http://app.test/me", { headers: { authorization } })
  const valid = `Bearer ${token}`
  const invalid = "Bearer not-a-jwt"
  const signature = token.slice(token.lastIndexOf(".") + 1)
  const middle = Math.floor(signature.length / 2)
  const forged = `Bearer ${token.slice(0, token.lastIndexOf(".") + 1)}${signature.slice(0, middle)}${
    signature[middle] === "A" ? "B" : "A"
  }${signature.slice(middle + 1)}`
  const keys = Context.get(context, Jwks.JwksTest)
  const expiredToken = await runtime.runPromise(
    keys.mint({ issuedAt: Math.floor(Date.now() / 1000) - 7200, expiresIn: "1 hour" })
  )
  const expired = `Bearer ${expiredToken}`
  const check = async () => {
    const ok = await handler(request(valid))
    if (ok.status !== 200) throw new Error(`unexpected ${ok.status} for the valid token`)
    await ok.text()
    for (
      const [name, authorization, reason] of [
        ["invalid", invalid, "Malformed"],
        ["forged", forged, "BadSignature"],
        ["expired", expired, "Expired"]
      ] as const
    ) {
      const refused = await handler(request(authorization))
      const body = await refused.text()
      if (refused.status !== 401 || !body.includes(reason)) {
        throw new Error(`unexpected ${refused.status} ${body} for the ${name} token`)
      }
    }
  }
  await check()
  const group = await runGroup([
    { name: "valid", op: () => handler(request(valid)).then((r) => r.text()) },
    { name: "invalid", op: () => handler(request(invalid)).then((r) => r.text()) },
    { name: "forged", op: () => handler(request(forged)).then((r) => r.text()) },
    { name: "expired", op: () => handler(request(expired)).then((r) => r.text()) }
  ], options)
  await runtime.dispose()
  return {
    validOpsPerSec: group.median.valid!,
    invalidOpsPerSec: group.median.invalid!,
    invalidOverValid: pairedRatio(group.rounds.valid!, group.rounds.invalid!),
    cpuInvalidOverValid: pairedRatio(group.cpuRounds.valid!, group.cpuRounds.invalid!),
    forgedOpsPerSec: group.median.forged!,
    expiredOpsPerSec: group.median.expired!,
    group
  }
}
