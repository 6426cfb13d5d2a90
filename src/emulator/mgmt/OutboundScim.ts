/**
 * The emulator's outbound SCIM configurations (`src/wire/mgmt/OutboundScim.ts`),
 * one per federated SSO application of the project (`SsoApplication.ts`; an
 * unknown application is a 404). A configuration starts disabled at version
 * 1; an update must name the stored version (another is a 409) and moves it
 * on. The emulator provisions nothing: the export times and failures stay 0.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/OutboundScim.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"
import { appsOf } from "./SsoApplication.js"

/**
 * The SCIM configurations of a project, by application id.
 *
 * @since 0.2.0
 * @category queries
 */
export const scimOf: (p: ProjectState) => Map<string, Wire.ScimConfiguration> = perProject((): Map<
  string,
  Wire.ScimConfiguration
> => new Map())

const find = (ctx: Ctx, appId: string): Effect.Effect<Wire.ScimConfiguration, WireError> => {
  const c = scimOf(ctx.p).get(appId)
  return c === undefined ? W.notFound(`SCIM configuration of ${appId}`) : Effect.succeed(c)
}

const save = (ctx: Ctx, c: Wire.ScimConfiguration) => {
  scimOf(ctx.p).set(c.appId, c)
  return { configuration: c }
}

/**
 * The outbound SCIM routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.createConfiguration, (ctx, b) =>
    Effect.gen(function*() {
      if (!appsOf(ctx.p).has(b.appId)) return yield* W.notFound(`SSO application ${b.appId}`)
      if (scimOf(ctx.p).has(b.appId)) {
        return yield* fail(409, Codes.InvalidRequest, "Configuration already exists", b.appId)
      }
      return save(ctx, {
        appId: b.appId,
        configuration: b.configuration ?? {},
        enabled: false,
        lastExportTime: 0,
        lastProcessingTime: 0,
        failures: 0,
        version: 1
      })
    })),
  H.endpoint(Wire.updateConfiguration, (ctx, b) =>
    Effect.flatMap(find(ctx, b.appId), (c) =>
      c.version !== b.version
        ? fail(409, Codes.InvalidRequest, "Version conflict", `stored version is ${c.version}, not ${b.version}`)
        : Effect.succeed(
          save(ctx, { ...c, configuration: b.configuration ?? c.configuration ?? {}, version: (c.version ?? 0) + 1 })
        ))),
  H.endpoint(
    Wire.deleteConfiguration,
    (ctx, b) => Effect.map(find(ctx, b.appId), () => (scimOf(ctx.p).delete(b.appId), {}))
  ),
  H.endpoint(
    Wire.loadConfiguration,
    (ctx) => Effect.map(find(ctx, ctx.params["appId"] ?? ""), (configuration) => ({ configuration }))
  ),
  H.endpoint(
    Wire.setEnabled,
    (ctx, b) => Effect.map(find(ctx, b.appId), (c) => save(ctx, { ...c, enabled: b.enabled }))
  )
]
