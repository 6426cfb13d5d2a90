/**
 * The emulator's descopers (`src/wire/mgmt/Descoper.ts`), kept per project:
 * a descoper needs a login id (or an e-mail, taken as one), login ids are
 * unique, and roles are Descope's (`admin`, `developer`, `support`,
 * `auditor`). `sendInvite` marks the descoper `invited` (no message is sent);
 * otherwise it is `enabled`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/Descoper.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"

/**
 * The descopers of a project, by id.
 *
 * @since 0.2.0
 * @category queries
 */
export const descopersOf: (p: ProjectState) => Map<string, Wire.Descoper> = perProject((): Map<
  string,
  Wire.Descoper
> => new Map())

const ROLES = ["admin", "developer", "support", "auditor"]

const checkRbac = (rbac: Wire.Rbac | undefined): Effect.Effect<void, WireError> => {
  const roles = [...(rbac?.tags ?? []), ...(rbac?.projects ?? [])].map((r) => r.role).filter((r) => r !== undefined)
  const bad = roles.filter((r) => !ROLES.includes(r))
  return bad.length > 0 ? W.invalid(`unknown descoper roles: ${bad.join(", ")}`) : Effect.void
}

const find = (ctx: Ctx, id: string): Effect.Effect<Wire.Descoper, WireError> => {
  const d = descopersOf(ctx.p).get(id)
  return d === undefined ? W.notFound(`descoper ${id}`) : Effect.succeed(d)
}

const all = (ctx: Ctx) => {
  const descopers = [...descopersOf(ctx.p).values()]
  return { descopers, total: descopers.length }
}

/**
 * The descoper routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) =>
    Effect.gen(function*() {
      const store = descopersOf(ctx.p)
      const taken = new Set([...store.values()].flatMap((d) => d.loginIds ?? []))
      const created: Array<Wire.Descoper> = []
      for (const d of b.descopers) {
        const loginId = d.loginId !== undefined && d.loginId !== "" ? d.loginId : d.attributes?.email
        if (loginId === undefined || loginId === "") return yield* W.missing("loginId")
        if (taken.has(loginId)) return yield* fail(409, Codes.InvalidRequest, "Descoper already exists", loginId)
        yield* checkRbac(d.rbac)
        taken.add(loginId)
        created.push({
          id: newId("DS"),
          loginIds: [loginId],
          attributes: d.attributes ?? {},
          rbac: d.rbac ?? {},
          status: d.sendInvite === true ? "invited" : "enabled"
        })
      }
      for (const d of created) store.set(d.id!, d)
      return { descopers: created, total: created.length }
    })),
  H.endpoint(Wire.update, (ctx, b) =>
    Effect.gen(function*() {
      const d = yield* find(ctx, b.id)
      yield* checkRbac(b.rbac)
      const updated: Wire.Descoper = {
        ...d,
        ...(b.attributes !== undefined ? { attributes: b.attributes } : {}),
        ...(b.rbac !== undefined ? { rbac: b.rbac } : {})
      }
      descopersOf(ctx.p).set(b.id, updated)
      return { descoper: updated }
    })),
  H.endpoint(Wire.load, (ctx, q) => Effect.map(find(ctx, q.id), (descoper) => ({ descoper }))),
  H.endpoint(Wire.delete, (ctx, q) => Effect.map(find(ctx, q.id), () => (descopersOf(ctx.p).delete(q.id), {}))),
  H.endpoint(Wire.list, (ctx) => Effect.succeed(all(ctx)))
]
