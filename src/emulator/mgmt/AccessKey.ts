/**
 * The emulator's access-key endpoints (`src/wire/mgmt/AccessKey.ts`): create
 * (bound to a user or not), load, search, update, status changes and deletes
 * (one or a batch), and rotation. Only a hash of each secret is kept; the
 * cleartext is answered once.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type * as Endpoint from "../../wire/Endpoint.js"
import * as Wire from "../../wire/mgmt/AccessKey.js"
import type { AssociatedTenant } from "../../wire/mgmt/AssociatedTenant.js"
import type { AccessKeyRecord, ProjectState, UserTenant } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret, sha256 } from "../Ids.js"
import { userNotFound } from "../ManagementSupport.js"
import { findUser } from "../Queries.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"

/**
 * An access-key record as the wire's access key (never its secret).
 *
 * @since 0.2.0
 * @category rendering
 */
export const toAccessKey = (p: ProjectState, k: AccessKeyRecord): Wire.AccessKey => ({
  id: k.id,
  name: k.name,
  description: k.description,
  roleNames: [...k.roleNames],
  keyTenants: k.keyTenants.map((t) => ({
    tenantId: t.tenantId,
    roleNames: [...t.roleNames],
    tenantName: p.tenants.get(t.tenantId)?.name ?? ""
  })),
  status: k.status,
  createdTime: k.createdTime,
  expireTime: k.expireTime,
  createdBy: k.createdBy,
  clientId: k.clientId,
  ...(k.boundUserId !== undefined ? { boundUserId: k.boundUserId } : {}),
  ...(k.customClaims !== undefined ? { customClaims: { ...k.customClaims } } : {}),
  permittedIps: [...k.permittedIps],
  customAttributes: { ...k.customAttributes }
})

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

const keyOf = (ctx: Ctx, id: string): Effect.Effect<AccessKeyRecord, WireError> => {
  if (id === "") return W.missing("id")
  const k = ctx.p.accessKeys.get(id)
  return k === undefined ? W.notFound(`access key ${id}`) : Effect.succeed(k)
}

const tenantsOf = (tenants: ReadonlyArray<AssociatedTenant>): Array<UserTenant> =>
  tenants.filter((t) => t.tenantId !== "").map((t) => ({ tenantId: t.tenantId, roleNames: [...(t.roleNames ?? [])] }))

const newCleartext = (id: string): string => `${id}${newSecret(32)}`

const created = (ctx: Ctx, k: AccessKeyRecord, cleartext: string): Wire.CreatedAccessKey => ({
  key: toAccessKey(ctx.p, k),
  cleartext: Redacted.make(cleartext)
})

const create = (ctx: Ctx, b: typeof Wire.AccessKeyInput.Type): Effect.Effect<Wire.CreatedAccessKey, WireError> =>
  Effect.gen(function*() {
    if (b.name === "") return yield* W.missing("name")
    const boundUserId = nonEmpty(b.userId)
    const bound = boundUserId !== undefined ? findUser(ctx.p, boundUserId) : undefined
    if (boundUserId !== undefined && bound === undefined) return yield* userNotFound(boundUserId)
    const id = newId("K")
    const cleartext = newCleartext(id)
    const key: AccessKeyRecord = {
      id,
      name: b.name,
      description: b.description ?? "",
      roleNames: [...(b.roleNames ?? [])],
      keyTenants: tenantsOf(b.keyTenants ?? []),
      status: "active",
      createdTime: Math.floor(ctx.now / 1000),
      expireTime: b.expireTime ?? 0,
      createdBy: "management-key",
      clientId: newId("C"),
      boundUserId: bound?.userId,
      customClaims: b.customClaims !== undefined ? { ...b.customClaims } : undefined,
      permittedIps: [...(b.permittedIps ?? [])],
      customAttributes: { ...(b.customAttributes ?? {}) },
      secretHash: sha256(cleartext)
    }
    ctx.p.accessKeys.set(id, key)
    return created(ctx, key, cleartext)
  })

const update = (ctx: Ctx, b: typeof Wire.AccessKeyUpdate.Type): Effect.Effect<Wire.AccessKey, WireError> =>
  Effect.map(keyOf(ctx, b.id), (k) => {
    const name = nonEmpty(b.name)
    if (name !== undefined) k.name = name
    if (b.description !== undefined) k.description = b.description
    if (b.roleNames !== undefined) k.roleNames = [...b.roleNames]
    if (b.keyTenants !== undefined) k.keyTenants = tenantsOf(b.keyTenants)
    if (b.customClaims !== undefined) k.customClaims = { ...b.customClaims }
    if (b.permittedIps !== undefined) k.permittedIps = [...b.permittedIps]
    if (b.customAttributes !== undefined) k.customAttributes = { ...b.customAttributes }
    return toAccessKey(ctx.p, k)
  })

type Op = "activate" | "deactivate" | "delete"

/** One key (404 when unknown), or a batch (unknown ids skipped). */
const setStatus = (ctx: Ctx, op: Op, ids: ReadonlyArray<string>, batch: boolean): Effect.Effect<{}, WireError> =>
  Effect.gen(function*() {
    for (const id of ids) {
      const k = ctx.p.accessKeys.get(id)
      if (k === undefined) {
        if (!batch) return yield* (id === "" ? W.missing("id") : W.notFound(`access key ${id}`))
        continue
      }
      if (op === "delete") ctx.p.accessKeys.delete(id)
      else k.status = op === "activate" ? "active" : "inactive"
    }
    return {}
  })

const search = (
  ctx: Ctx,
  b: Endpoint.Endpoint.Request<typeof Wire.searchAllAccessKeys>
): ReadonlyArray<AccessKeyRecord> => {
  const tenantIds = b.tenantIds
  const bound = nonEmpty(b.boundUserId)
  const creating = nonEmpty(b.creatingUser)
  const attrs = b.customAttributes
  return [...ctx.p.accessKeys.values()].filter((k) =>
    (tenantIds === undefined || tenantIds.length === 0 || k.keyTenants.some((t) => tenantIds.includes(t.tenantId))) &&
    (bound === undefined || k.boundUserId === bound || findUser(ctx.p, bound)?.userId === k.boundUserId) &&
    (creating === undefined || k.createdBy === creating) &&
    (attrs === undefined ||
      Object.entries(attrs).every(([a, v]) => JSON.stringify(k.customAttributes[a]) === JSON.stringify(v)))
  )
}

/**
 * The access-key routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, create),
  H.endpoint(Wire.load, (ctx, q) => Effect.map(keyOf(ctx, q.id), (k) => ({ key: toAccessKey(ctx.p, k) }))),
  H.endpoint(
    Wire.searchAllAccessKeys,
    (ctx, b) => Effect.succeed({ keys: search(ctx, b).map((k) => toAccessKey(ctx.p, k)) })
  ),
  H.endpoint(Wire.update, (ctx, b) => Effect.map(update(ctx, b), (key) => ({ key }))),
  H.endpoint(Wire.activate, (ctx, b) => setStatus(ctx, "activate", [b.id], false)),
  H.endpoint(Wire.deactivate, (ctx, b) => setStatus(ctx, "deactivate", [b.id], false)),
  H.endpoint(Wire.delete, (ctx, b) => setStatus(ctx, "delete", [b.id], false)),
  H.endpoint(Wire.activateBatch, (ctx, b) => setStatus(ctx, "activate", b.ids, true)),
  H.endpoint(Wire.deactivateBatch, (ctx, b) => setStatus(ctx, "deactivate", b.ids, true)),
  H.endpoint(Wire.deleteBatch, (ctx, b) => setStatus(ctx, "delete", b.ids, true)),
  H.endpoint(Wire.rotate, (ctx, b) =>
    Effect.map(keyOf(ctx, b.id), (k) => {
      const cleartext = newCleartext(k.id)
      k.secretHash = sha256(cleartext)
      return created(ctx, k, cleartext)
    }))
]
