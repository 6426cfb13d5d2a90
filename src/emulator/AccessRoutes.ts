/**
 * Management endpoints for access keys (create, load, search, update, status,
 * batches, rotation) and permissions (CRUD, batches); roles are in `mgmt/Role.ts`.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import {
  type AccessKeyRecord,
  accessKeyJson,
  findUser,
  newId,
  newSecret,
  sha256,
} from "./EmulatorState.js"
import * as H from "./Handler.js"
import type { Ctx, Route } from "./Handler.js"
import {
  many,
  one,
  userNotFound,
} from "./ManagementSupport.js"
import * as Users from "./Users.js"
import * as W from "./Wire.js"
import {
  Codes,
  fail,
  type Json,
  optNonEmpty,
  optNum,
  optObj,
  optStr,
  optStrs,
  str,
  type WireError
} from "./Wire.js"

// --- access keys ------------------------------------------------------------------------------------

const keyOf = (ctx: Ctx, id: string | undefined): Effect.Effect<AccessKeyRecord, WireError> => {
  if (id === undefined || id === "") return W.missing("id")
  const k = ctx.p.accessKeys.get(id)
  return k === undefined ? W.notFound(`access key ${id}`) : Effect.succeed(k)
}

const newCleartext = (id: string): string => `${id}${newSecret(32)}`

const createAccessKey: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const name = yield* str(ctx.body, "name")
    const id = newId("K")
    const cleartext = newCleartext(id)
    const boundUserId = optNonEmpty(ctx.body, "userId")
    if (boundUserId !== undefined && findUser(ctx.p, boundUserId) === undefined) return yield* userNotFound(boundUserId)
    const key: AccessKeyRecord = {
      id,
      name,
      description: optStr(ctx.body, "description") ?? "",
      roleNames: [...(optStrs(ctx.body, "roleNames") ?? [])],
      keyTenants: Users.readTenants(ctx.body, "keyTenants") ?? [],
      status: "active",
      createdTime: Math.floor(ctx.now / 1000),
      expireTime: optNum(ctx.body, "expireTime") ?? 0,
      createdBy: "management-key",
      clientId: newId("C"),
      boundUserId: boundUserId !== undefined ? findUser(ctx.p, boundUserId)?.userId : undefined,
      customClaims: optObj(ctx.body, "customClaims"),
      permittedIps: [...(optStrs(ctx.body, "permittedIps") ?? [])],
      customAttributes: { ...(optObj(ctx.body, "customAttributes") ?? {}) },
      secretHash: sha256(cleartext)
    }
    ctx.p.accessKeys.set(id, key)
    return { key: accessKeyJson(ctx.p, key), cleartext }
  })

const updateAccessKey: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const k = yield* keyOf(ctx, optStr(ctx.body, "id"))
    const name = optNonEmpty(ctx.body, "name")
    if (name !== undefined) k.name = name
    if (optStr(ctx.body, "description") !== undefined) k.description = optStr(ctx.body, "description") ?? ""
    const roles = optStrs(ctx.body, "roleNames")
    if (roles !== undefined) k.roleNames = [...roles]
    const tenants = Users.readTenants(ctx.body, "keyTenants")
    if (tenants !== undefined) k.keyTenants = tenants
    if (optObj(ctx.body, "customClaims") !== undefined) k.customClaims = optObj(ctx.body, "customClaims")
    if (optStrs(ctx.body, "permittedIps") !== undefined) k.permittedIps = [...(optStrs(ctx.body, "permittedIps") ?? [])]
    if (optObj(ctx.body, "customAttributes") !== undefined) k.customAttributes = { ...optObj(ctx.body, "customAttributes") }
    return { key: accessKeyJson(ctx.p, k) }
  })

const keyStatus = (op: "activate" | "deactivate" | "delete", batch: boolean): H.Handler => (ctx) =>
  Effect.gen(function*() {
    const ids = batch ? optStrs(ctx.body, "ids") ?? [] : [yield* str(ctx.body, "id")]
    for (const id of ids) {
      const k = ctx.p.accessKeys.get(id)
      if (k === undefined) {
        if (!batch) return yield* W.notFound(`access key ${id}`)
        continue
      }
      if (op === "delete") ctx.p.accessKeys.delete(id)
      else k.status = op === "activate" ? "active" : "inactive"
    }
    return {}
  })

const rotateAccessKey: H.Handler = (ctx) =>
  Effect.gen(function*() {
    const k = yield* keyOf(ctx, optStr(ctx.body, "id"))
    const cleartext = newCleartext(k.id)
    k.secretHash = sha256(cleartext)
    return { key: accessKeyJson(ctx.p, k), cleartext }
  })

const searchAccessKeys: H.Handler = (ctx) => {
  const tenantIds = optStrs(ctx.body, "tenantIds")
  const bound = optNonEmpty(ctx.body, "boundUserId")
  const creating = optNonEmpty(ctx.body, "creatingUser")
  const attrs = optObj(ctx.body, "customAttributes")
  const keys = [...ctx.p.accessKeys.values()].filter((k) =>
    (tenantIds === undefined || tenantIds.length === 0 || k.keyTenants.some((t) => tenantIds.includes(t.tenantId))) &&
    (bound === undefined || k.boundUserId === bound || findUser(ctx.p, bound)?.userId === k.boundUserId) &&
    (creating === undefined || k.createdBy === creating) &&
    (attrs === undefined || Object.entries(attrs).every(([a, v]) => JSON.stringify(k.customAttributes[a]) === JSON.stringify(v)))
  )
  return Effect.succeed({ keys: keys.map((k) => accessKeyJson(ctx.p, k)) })
}

// --- permissions and roles --------------------------------------------------------------------------

const createPermission = (ctx: Ctx, b: Json): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    const name = yield* str(b, "name")
    if (ctx.p.permissions.some((x) => x.name === name)) return yield* fail(409, Codes.InvalidRequest, "Permission already exists", name)
    ctx.p.permissions.push({ id: newId("PE"), name, description: optStr(b, "description") ?? "", systemDefault: false })
  })

const updatePermission = (ctx: Ctx, b: Json): Effect.Effect<void, WireError> =>
  Effect.gen(function*() {
    const id = optNonEmpty(b, "id")
    const name = optNonEmpty(b, "name")
    const perm = ctx.p.permissions.find((x) => (id !== undefined && x.id === id) || (name !== undefined && x.name === name))
    if (perm === undefined) return yield* W.notFound(`permission ${name ?? id ?? ""}`)
    const newName = optNonEmpty(b, "newName")
    if (newName !== undefined && newName !== perm.name) {
      for (const r of ctx.p.roles) r.permissionNames = r.permissionNames.map((n) => (n === perm.name ? newName : n))
      perm.name = newName
    }
    if (optStr(b, "description") !== undefined) perm.description = optStr(b, "description") ?? ""
  })

const deletePermissions = (ctx: Ctx, names: ReadonlyArray<string>, ids: ReadonlyArray<string>): void => {
  const gone = ctx.p.permissions.filter((x) => names.includes(x.name) || ids.includes(x.id)).map((x) => x.name)
  ctx.p.permissions = ctx.p.permissions.filter((x) => !gone.includes(x.name))
  for (const r of ctx.p.roles) r.permissionNames = r.permissionNames.filter((n) => !gone.includes(n))
}

/**
 * The access-key and permission management routes.
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  // access keys
  H.post("/v1/mgmt/accesskey/create", "mgmt", createAccessKey),
  H.get("/v1/mgmt/accesskey", "mgmt", (ctx) => Effect.map(keyOf(ctx, ctx.query.id), (k) => ({ key: accessKeyJson(ctx.p, k) }))),
  H.post("/v1/mgmt/accesskey/search", "mgmt", searchAccessKeys),
  H.post("/v1/mgmt/accesskey/update", "mgmt", updateAccessKey),
  H.post("/v1/mgmt/accesskey/deactivate", "mgmt", keyStatus("deactivate", false)),
  H.post("/v1/mgmt/accesskey/activate", "mgmt", keyStatus("activate", false)),
  H.post("/v1/mgmt/accesskey/delete", "mgmt", keyStatus("delete", false)),
  H.post("/v1/mgmt/accesskey/deactivate/batch", "mgmt", keyStatus("deactivate", true)),
  H.post("/v1/mgmt/accesskey/activate/batch", "mgmt", keyStatus("activate", true)),
  H.post("/v1/mgmt/accesskey/delete/batch", "mgmt", keyStatus("delete", true)),
  H.post("/v1/mgmt/accesskey/rotate", "mgmt", rotateAccessKey),
  // permissions
  H.post("/v1/mgmt/permission/create", "mgmt", one(createPermission)),
  H.post("/v1/mgmt/permission/create/batch", "mgmt", many("permissions", createPermission)),
  H.post("/v1/mgmt/permission/update", "mgmt", one(updatePermission)),
  H.post("/v1/mgmt/permission/update/batch", "mgmt", many("permissions", updatePermission)),
  H.post("/v1/mgmt/permission/delete", "mgmt", (ctx) =>
    Effect.sync(() => {
      deletePermissions(ctx, [optStr(ctx.body, "name") ?? ""], [optStr(ctx.body, "id") ?? ""])
      return {}
    })),
  H.post("/v1/mgmt/permission/delete/batch", "mgmt", (ctx) =>
    Effect.sync(() => {
      deletePermissions(ctx, optStrs(ctx.body, "names") ?? [], optStrs(ctx.body, "ids") ?? [])
      return {}
    })),
  H.get("/v1/mgmt/permission/all", "mgmt", (ctx) => Effect.succeed({ permissions: ctx.p.permissions.map((x) => ({ ...x })) }))
]
