// Fixtures of the tests of the management areas added for issue 15 (lists, applications, templates, keys,
// descopers, engines, analytics): the client against an in-process emulator, a failure's tag and status,
// arguments refused unsent, and the check of an area's rows of the shared endpoint inventory.
import type * as HttpClient from "@effect/platform/HttpClient"
import { assert, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import * as fs from "node:fs"
import type { DescopeClient } from "../../src/DescopeClient.js"
import * as Emulator from "../../src/emulator/index.js"
import * as Descope from "../../src/layers/Descope.js"
import * as MockHttpClient from "../../src/layers/MockHttpClient.js"
import type * as Management from "../../src/management/Management.js"
import { calls, endpointsOf, withLicense, withMgmt } from "./management.js"

/** Runs effects with our client (and the raw HttpClient) against an in-process emulator of one project. */
export const emulatorRun =
  (projectId: string, managementKey: string) =>
  <A, E>(effect: Effect.Effect<A, E, DescopeClient | Emulator.Emulator | HttpClient.HttpClient>) =>
    effect.pipe(
      Effect.provide(
        Descope.layer({ projectId, managementKey, baseUrl: "http://emulator.local" }).pipe(
          Layer.provideMerge(Emulator.layerHttpClient)
        )
      ),
      Effect.provide(Emulator.layer({ projectId, managementKey }))
    )

/** The failure of `effect` as `Tag:status` (`AuthError:404`), or its tag when it has no status. */
export const failure = <A, E extends { readonly _tag: string }>(effect: Effect.Effect<A, E>) =>
  Effect.map(Effect.flip(effect), (e) => {
    const status = (e as unknown as { readonly status?: number }).status
    return status === undefined ? e._tag : `${e._tag}:${status}`
  })

/** Every attempt fails with `InvalidArgumentError`, and nothing is sent. */
export const refusedUnsent = (
  attempts: (mgmt: Management.ManagementApi) => ReadonlyArray<Effect.Effect<unknown, { readonly _tag: string }>>
) =>
  withMgmt(withLicense(() => MockHttpClient.json({})), (m, recorder) =>
    Effect.gen(function*() {
      for (const attempt of attempts(m)) {
        const exit = yield* Effect.exit(attempt)
        assert.isTrue(
          Exit.isFailure(exit) && exit.cause._tag === "Fail" && exit.cause.error._tag === "InvalidArgumentError",
          String(exit)
        )
      }
      assert.deepStrictEqual(yield* calls(recorder), [])
    }))

const TSV = "/work/shared/descope-endpoints.tsv"

/**
 * A test that the rows of `areas` in the shared endpoint inventory (those `keep` keeps), `count` of them,
 * are the catalogued endpoints of `modules` (as many, same methods and paths).
 */
export const inventoryCatalogued = (
  title: string,
  areas: ReadonlyArray<string>,
  modules: ReadonlyArray<Readonly<Record<string, unknown>>>,
  count: number,
  keep: (row: ReadonlyArray<string>) => boolean = () => true
) =>
  it.runIf(fs.existsSync(TSV))(title, () => {
    const lines = fs.readFileSync(TSV, "utf8").split("\n").map((l) => l.split("\t"))
    const ours = lines.filter((l) => areas.includes(l[2] ?? "") && keep(l))
    assert.strictEqual(ours.length, count)
    const endpoints = modules.flatMap(endpointsOf)
    assert.strictEqual(endpoints.length, count)
    for (const l of ours) assert.isTrue(endpoints.some((e) => e.method === l[0] && e.path === l[1]), l.join(" "))
  })

/** Whether node-sdk or python-sdk calls the inventory row (go-sdk-only rows are not catalogued yet). */
export const nodeOrPython = (row: ReadonlyArray<string>): boolean => row[3] !== "-" || row[4] !== "-"
