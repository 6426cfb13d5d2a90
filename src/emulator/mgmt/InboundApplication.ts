/**
 * The emulator's inbound (third-party) applications
 * (`src/wire/mgmt/InboundApplication.ts`), kept per project with the consents
 * users gave them. An application gets a client id and a secret at creation;
 * `rotate` replaces the secret. The emulator does not serve the OAuth
 * authorization flow that records consents in Descope: a consent is recorded
 * with the emulator control `POST /emulator/consents`
 * (`{ appId, userId, scopes, tenantId?, grantedBy? }`; the scopes must be the
 * application's), then searched and deleted through the management API.
 * Deleting an application deletes its consents. go-sdk's `/v2` forms share
 * the same applications (with their further fields); its added secrets are
 * kept by name beside the application's secret until revoked, each readable by
 * `secret?secretName=`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import { optional, Strings } from "../../wire/Fields.js"
import * as Wire from "../../wire/mgmt/InboundApplication.js"
import * as ConsentWire from "../../wire/mgmt/InboundApplicationConsent.js"
import * as SecretWire from "../../wire/mgmt/InboundApplicationSecret.js"
import { required } from "../auth/Support.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"
import * as Added from "./AddedSecrets.js"
import { perProject } from "./AreaState.js"

/**
 * A stored application: what the wire answers, and its secret.
 *
 * @since 0.2.0
 * @category models
 */
export interface InboundAppRecord {
  app: Wire.InboundApplicationV2
  secret: string
  /** go-sdk's added secrets, by name. */
  readonly added: Added.AddedSecrets
}

/**
 * A project's inbound applications and consents.
 *
 * @since 0.2.0
 * @category models
 */
export interface InboundStore {
  readonly apps: Map<string, InboundAppRecord>
  consents: Array<ConsentWire.Consent>
}

/**
 * The inbound store of a project (created empty on first use, and after a reset).
 *
 * @since 0.2.0
 * @category queries
 */
export const inboundOf: (p: ProjectState) => InboundStore = perProject((): InboundStore => ({
  apps: new Map(),
  consents: []
}))

const find = (ctx: Ctx, id: string): Effect.Effect<InboundAppRecord, WireError> => {
  const a = inboundOf(ctx.p).apps.get(id)
  return a === undefined ? W.notFound(`inbound application ${id}`) : Effect.succeed(a)
}

const defined = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

const remove = (ctx: Ctx, ids: ReadonlyArray<string>) => {
  const s = inboundOf(ctx.p)
  for (const id of ids) s.apps.delete(id)
  s.consents = s.consents.filter((c) => !ids.includes(c.appId))
}

const secret = (a: InboundAppRecord) => ({ cleartext: Redacted.make(a.secret) })

const scopeNames = (app: Wire.InboundApplication) =>
  new Set([...(app.permissionsScopes ?? []), ...(app.attributesScopes ?? [])].map((s) => s.name))

const nonEmpty = (s: string | null | undefined) => (s === undefined || s === null || s === "" ? undefined : s)

const v2Routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.createApplicationV2, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      const store = inboundOf(ctx.p)
      const id = nonEmpty(b.id) ?? newId("TP")
      if (store.apps.has(id)) {
        return yield* W.fail(409, W.Codes.InvalidArguments, "Invalid argument", `application ${id} exists`)
      }
      const record: InboundAppRecord = {
        app: { ...defined(b), id, clientId: id, description: b.description ?? "" },
        secret: newSecret(32),
        added: new Map()
      }
      store.apps.set(id, record)
      return { id, clientId: id, cleartext: Redacted.make(record.secret) }
    })),
  H.endpoint(Wire.updateApplicationV2, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      const a = yield* find(ctx, b.id)
      a.app = { ...defined(b), id: a.app.id, clientId: a.app.clientId, description: b.description ?? "" }
      return {}
    })),
  H.endpoint(Wire.patchApplicationV2, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name !== undefined && b.name.trim() === "") return yield* W.invalid("name must not be empty")
      const a = yield* find(ctx, b.id)
      a.app = { ...a.app, ...defined(b), id: a.app.id, clientId: a.app.clientId }
      return {}
    })),
  H.endpoint(Wire.loadApplicationV2, (ctx, q) => Effect.map(find(ctx, q.id), (a) => a.app)),
  H.endpoint(Wire.loadAllApplicationsV2, (ctx, b) =>
    Effect.sync(() => {
      const all = [...inboundOf(ctx.p).apps.values()].map((a) => a.app)
      const limit = b.limit !== undefined && b.limit > 0 ? Math.floor(b.limit) : all.length
      const page = b.page !== undefined && b.page > 0 ? Math.floor(b.page) : 0
      return { apps: all.slice(page * limit, page * limit + limit), total: all.length }
    })),
  H.endpoint(
    SecretWire.addApplicationSecret,
    (ctx, b) => Effect.flatMap(find(ctx, b.id), (a) => Added.add(a.added, b, ctx.now))
  ),
  H.endpoint(
    SecretWire.revokeApplicationSecret,
    (ctx, b) => Effect.flatMap(find(ctx, b.id), (a) => Added.revoke(a.added, b))
  )
]

/** The request of `POST /emulator/consents`. */
const ConsentRequest = Schema.Struct({
  appId: Schema.String,
  userId: Schema.String,
  tenantId: optional(Schema.String),
  scopes: optional(Strings),
  grantedBy: optional(Schema.String)
})

/**
 * The emulator control that records a consent (what the OAuth consent screen records in Descope).
 *
 * @since 0.2.0
 * @category routes
 */
export const recordConsent: Route = H.post(
  "/emulator/consents",
  "control",
  H.decoding(ConsentRequest, (ctx, b) =>
    Effect.gen(function*() {
      const appId = yield* required("appId", b.appId)
      const userId = yield* required("userId", b.userId)
      const { app } = yield* find(ctx, appId)
      if (!ctx.p.users.has(userId)) return yield* W.notFound(`user ${userId}`)
      const tenantId = nonEmpty(b.tenantId)
      if (tenantId !== undefined && !ctx.p.tenants.has(tenantId)) return yield* W.notFound(`tenant ${tenantId}`)
      const scopes = [...(b.scopes ?? [])]
      const known = scopeNames(app)
      const unknown = scopes.filter((x) => !known.has(x))
      if (unknown.length > 0) return yield* W.invalid(`scopes not of application ${appId}: ${unknown.join(", ")}`)
      const consent: ConsentWire.Consent = {
        id: newId("CO"),
        appId,
        userId,
        ...(tenantId !== undefined ? { tenantId } : {}),
        scopes,
        grantedBy: nonEmpty(b.grantedBy) ?? userId,
        createdTime: Math.floor(ctx.now / 1000)
      }
      inboundOf(ctx.p).consents.push(consent)
      return { consent }
    }))
)

/**
 * The inbound application routes (and the consent control).
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.createApplication, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      const id = newId("TP")
      const record: InboundAppRecord = {
        app: { ...defined(b), id, clientId: id, description: b.description ?? "" },
        secret: newSecret(32),
        added: new Map()
      }
      inboundOf(ctx.p).apps.set(id, record)
      return { id, clientId: id, cleartext: Redacted.make(record.secret) }
    })),
  H.endpoint(Wire.updateApplication, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name.trim() === "") return yield* W.missing("name")
      const a = yield* find(ctx, b.id)
      a.app = { ...defined(b), id: a.app.id, clientId: a.app.clientId, description: b.description ?? "" }
      return {}
    })),
  H.endpoint(Wire.patchApplication, (ctx, b) =>
    Effect.gen(function*() {
      if (b.name !== undefined && b.name.trim() === "") return yield* W.invalid("name must not be empty")
      const a = yield* find(ctx, b.id)
      a.app = { ...a.app, ...defined(b), id: a.app.id, clientId: a.app.clientId }
      return {}
    })),
  H.endpoint(Wire.deleteApplication, (ctx, b) => Effect.map(find(ctx, b.id), () => (remove(ctx, [b.id]), {}))),
  H.endpoint(Wire.deleteApplicationBatch, (ctx, b) => Effect.sync(() => (remove(ctx, b.ids), {}))),
  H.endpoint(Wire.loadApplication, (ctx, q) => Effect.map(find(ctx, q.id), (a) => a.app)),
  H.endpoint(
    Wire.loadAllApplications,
    (ctx) => Effect.succeed({ apps: [...inboundOf(ctx.p).apps.values()].map((a) => a.app) })
  ),
  H.endpoint(SecretWire.getApplicationSecret, (ctx, q) =>
    Effect.flatMap(find(ctx, q.id), (a) => {
      const name = nonEmpty(q.secretName)
      if (name === undefined) return Effect.succeed(secret(a))
      const added = a.added.get(name)
      return added === undefined
        ? W.notFound(`secret ${name} of application ${q.id}`)
        : Effect.succeed({ cleartext: Redacted.make(added.cleartext) })
    })),
  ...v2Routes,
  H.endpoint(SecretWire.rotateApplicationSecret, (ctx, b) =>
    Effect.map(find(ctx, b.id), (a) => {
      a.secret = newSecret(32)
      return secret(a)
    })),
  H.endpoint(ConsentWire.searchConsents, (ctx, b) =>
    Effect.sync(() => {
      const found = inboundOf(ctx.p).consents.filter((c) =>
        (nonEmpty(b.appId) === undefined || c.appId === b.appId) &&
        (nonEmpty(b.userId) === undefined || c.userId === b.userId) &&
        (nonEmpty(b.consentId) === undefined || c.id === b.consentId) &&
        (nonEmpty(b.tenantId) === undefined || c.tenantId === b.tenantId)
      )
      const limit = b.limit !== undefined && b.limit > 0 ? Math.floor(b.limit) : found.length
      const page = b.page !== undefined && b.page > 0 ? Math.floor(b.page) : 0
      return { consents: found.slice(page * limit, page * limit + limit), total: found.length }
    })),
  H.endpoint(ConsentWire.deleteConsents, (ctx, b) =>
    Effect.gen(function*() {
      const ids = b.consentIds ?? []
      const users = b.userIds ?? []
      const appId = nonEmpty(b.appId)
      const tenantId = nonEmpty(b.tenantId)
      if (ids.length === 0 && users.length === 0 && appId === undefined) {
        return yield* W.missing("consentIds, appId or userIds")
      }
      const s = inboundOf(ctx.p)
      s.consents = s.consents.filter((c) =>
        !((ids.length === 0 || ids.includes(c.id)) && (users.length === 0 || users.includes(c.userId)) &&
          (appId === undefined || c.appId === appId) && (tenantId === undefined || c.tenantId === tenantId))
      )
      return {}
    })),
  H.endpoint(ConsentWire.deleteTenantConsents, (ctx, b) =>
    Effect.gen(function*() {
      if (b.tenantId === "") return yield* W.missing("tenantId")
      const ids = b.consentIds ?? []
      const appId = nonEmpty(b.appId)
      const s = inboundOf(ctx.p)
      s.consents = s.consents.filter((c) =>
        !(c.tenantId === b.tenantId && (ids.length === 0 || ids.includes(c.id)) &&
          (appId === undefined || c.appId === appId))
      )
      return {}
    })),
  recordConsent
]
