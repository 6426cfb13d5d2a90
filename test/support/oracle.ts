// The node-sdk wire oracle: a management operation run through node-sdk (over a recording fetch) and through
// our client (over the recording mock HttpClient) must send the same method, path, query and JSON body
// (fields node-sdk leaves undefined are dropped by JSON, so they are compared as absent).
import DescopeSdk from "@descope/node-sdk"
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as DescopeConfig from "../../src/core/DescopeConfig.js"
import * as DescopeHttp from "../../src/core/DescopeHttp.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"
import * as Management from "../../src/management/Management.js"
import { decodingValidator } from "./management.js"

export const PID = "P2CtzUhdqpIF2ys9gg7ms06UvtC4"
export const BASE = "https://api.descope.test"

export type NodeManagement = ReturnType<typeof DescopeSdk>["management"]
export type Case = readonly [
  name: string,
  response: unknown,
  node: () => Promise<unknown>,
  ours: (mgmt: Management.ManagementApi) => Effect.Effect<unknown, unknown>
]

export interface Wire {
  readonly method: string
  readonly path: string
  readonly query: Readonly<Record<string, string>>
  readonly body: unknown
}

/** Sorts object keys and drops undefined members, recursively. */
export const canon = (x: unknown): unknown => {
  if (Array.isArray(x)) return x.map(canon)
  if (x !== null && typeof x === "object") {
    return Object.fromEntries(
      Object.entries(x as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canon(v)])
    )
  }
  return x
}

let answer: unknown = {}
const captured: Array<Wire> = []

/** Replaces `fetch` (for node-sdk) with a recorder for the suite's duration. */
const recordFetch = () => {
  const originalFetch = globalThis.fetch
  beforeAll(() => {
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url)
      const query: Record<string, string> = {}
      url.searchParams.forEach((v, k) => {
        query[k] = v
      })
      const text = typeof init?.body === "string" ? init.body : undefined
      captured.push({
        method: init?.method ?? "GET",
        path: url.pathname,
        query,
        body: text === undefined ? undefined : JSON.parse(text)
      })
      const body = url.pathname === "/v1/mgmt/license" ? { rateLimitTier: "free" } : answer
      return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })
    }
  })
  afterAll(() => {
    globalThis.fetch = originalFetch
  })
}

const viaNode = async (f: () => Promise<unknown>): Promise<Wire | undefined> => {
  captured.length = 0
  await f().catch(() => undefined)
  return captured.filter((c) => c.path !== "/v1/mgmt/license").pop()
}

const viaOurs = (f: (mgmt: Management.ManagementApi) => Effect.Effect<unknown, unknown>) =>
  Effect.gen(function*() {
    const http = yield* DescopeHttp.DescopeHttp
    const recorder = yield* MockHttpClient.MockHttpRecorder
    const mgmt = yield* Management.make(http, decodingValidator)
    yield* Effect.exit(f(mgmt))
    const sent = (yield* recorder.requests).filter((r) => r.path !== "/v1/mgmt/license").pop()
    return sent === undefined ? undefined : { method: sent.method, path: sent.path, query: sent.query, body: sent.body }
  }).pipe(
    Effect.scoped,
    Effect.provide(
      DescopeHttp.layer.pipe(
        Layer.provide(DescopeConfig.layer({ projectId: PID, managementKey: "K", baseUrl: BASE })),
        Layer.provideMerge(MockHttpClient.layer(() => MockHttpClient.json(answer)))
      )
    )
  )

/**
 * One test per case: node-sdk's request (corrected by `deviations[name]` where we send what Descope reads
 * rather than node-sdk's spelling) equals ours.
 */
export const oracleSuite = (
  title: string,
  cases: (m: NodeManagement) => ReadonlyArray<Case>,
  deviations: Readonly<Record<string, (wire: Wire) => Wire>> = {}
) =>
  describe(title, () => {
    recordFetch()
    const sdk = DescopeSdk({ projectId: PID, managementKey: "K", baseUrl: BASE })
    for (const [name, response, node, ours] of cases(sdk.management)) {
      it.effect(name, () =>
        Effect.gen(function*() {
          answer = response
          const node_ = yield* Effect.promise(() => viaNode(node))
          const theirs = node_ !== undefined && deviations[name] !== undefined ? deviations[name](node_) : node_
          const mine = yield* viaOurs(ours)
          assert.isDefined(theirs)
          assert.isDefined(mine)
          assert.deepStrictEqual(canon(mine), canon(theirs))
        }))
    }
  })
