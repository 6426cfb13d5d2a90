/**
 * Emulator-only controls, as Effect functions (used by the `Emulator`
 * service) and as HTTP routes under `/emulator/*` (used by tests in other
 * languages, the demo and the CLI): outbox, time, key rotation, faults,
 * emulated identities, groups, audit trail, reset, and the emulated
 * OAuth/SSO provider page.
 *
 * @since 0.1.0
 */
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import * as Ref from "effect/Ref"
import * as Schema from "effect/Schema"
import { Bool, Num, optional, Strings } from "../wire/Fields.js"
import { required } from "./auth/Support.js"
import * as AuthRoutes from "./AuthRoutes.js"
import * as Keys from "./EmulatorKeys.js"
import { type Identity, type ProjectState } from "./EmulatorState.js"
import * as Faults from "./Faults.js"
import * as H from "./Handler.js"
import type { Env, Route } from "./Handler.js"
import { newId } from "./Ids.js"
import * as Inspector from "./Inspector.js"
import * as Outbox from "./Outbox.js"
import * as Seed from "./Seed.js"
import * as SeedState from "./SeedState.js"
import * as W from "./Wire.js"

/**
 * The longest lifetime of any token the emulator signs (how long a retired key stays published).
 *
 * @since 0.1.0
 * @category queries
 */
export const maxTokenLifetime = (env: Env): number =>
  Math.max(env.config.refreshTtlMs, env.config.sessionTtlMs, env.config.accessKeySessionTtlMs)

/**
 * Rotates a project's signing key: a new key signs from now on; the old one
 * stays published until every token it signed has expired.
 *
 * @since 0.1.0
 * @category actions
 */
export const rotateKeys = (env: Env, p: ProjectState): Effect.Effect<string> =>
  p.lock.withPermits(1)(Effect.gen(function*() {
    const now = yield* env.now
    const key = yield* Keys.generate(env.config.algorithm, now)
    for (const k of p.keys) if (k.retiredAt === undefined) k.retiredAt = now
    p.keys = [...p.keys.filter((k) => k.retiredAt === undefined || now < k.retiredAt + maxTokenLifetime(env)), key]
    return key.kid
  }))

/**
 * Advances emulator time.
 *
 * @since 0.1.0
 * @category actions
 */
export const advance = (env: Env, millis: number): Effect.Effect<number> =>
  Effect.zipRight(Ref.update(env.offset, (o) => o + Math.max(0, millis)), env.now)

/**
 * Registers a fault.
 *
 * @since 0.1.0
 * @category actions
 */
export const addFault = (env: Env, spec: Faults.FaultSpec): Effect.Effect<string> => {
  const id = newId("F", 12)
  const fault: Faults.Fault = { ...spec, id, remaining: spec.times, hits: 0 }
  return Effect.as(Ref.update(env.faults, (fs) => [...fs, fault]), id)
}

/**
 * Messages of the outbox, oldest first.
 *
 * @since 0.1.0
 * @category queries
 */
export const outbox = (env: Env, filter: Outbox.Filter = {}): ReadonlyArray<Outbox.OutboxMessage> =>
  [...env.projects.values()].flatMap((p) => p.outbox).filter((m) => Outbox.matches(m, filter)).sort((a, b) =>
    a.sentAt - b.sentAt
  )

/**
 * The newest message matching a filter (scans from the end).
 *
 * @since 0.1.0
 * @category queries
 */
export const lastMessage = (env: Env, filter: Outbox.Filter): Option.Option<Outbox.OutboxMessage> => {
  let best: Outbox.OutboxMessage | undefined
  for (const p of env.projects.values()) {
    for (let i = p.outbox.length - 1; i >= 0; i--) {
      const m = p.outbox[i]!
      if (Outbox.matches(m, filter)) {
        if (best === undefined || m.sentAt >= best.sentAt) best = m
        break
      }
    }
  }
  return Option.fromNullable(best)
}

/**
 * Adds a group to a tenant (as SCIM or JIT provisioning would).
 *
 * @since 0.1.0
 * @category actions
 */
export const addGroup = (
  p: ProjectState,
  group: {
    readonly tenantId: string
    readonly display: string
    readonly memberLoginIds?: ReadonlyArray<string> | undefined
    readonly ssoId?: string | undefined
    readonly source?: string | undefined
  }
): Effect.Effect<string, W.WireError> =>
  Effect.gen(function*() {
    const t = p.tenants.get(group.tenantId)
    if (t === undefined) return yield* W.notFound(`tenant ${group.tenantId}`)
    const id = newId("G", 16)
    const members = (group.memberLoginIds ?? []).flatMap((l) => {
      for (const u of p.users.values()) if (u.userId === l || u.loginIds.includes(l)) return [u.userId]
      return []
    })
    t.groups.push({
      id,
      display: group.display,
      source: group.source ?? "scim",
      ssoId: group.ssoId,
      memberUserIds: members
    })
    return id
  })

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/** The identity fields of `POST /emulator/identities/oauth|sso`. */
const identityFields = {
  email: Schema.String,
  name: optional(Schema.String),
  givenName: optional(Schema.String),
  familyName: optional(Schema.String),
  phone: optional(Schema.String),
  picture: optional(Schema.String),
  groups: optional(Strings)
}

/** `POST /emulator/identities/oauth`: the identity the emulated provider answers for `provider` (any when absent). */
const OAuthIdentityRequest = Schema.Struct({ ...identityFields, provider: optional(Schema.String) })

/** `POST /emulator/identities/sso`: the identity the emulated IdP of a tenant answers. */
const SsoIdentityRequest = Schema.Struct({ tenantId: Schema.String, ...identityFields })

const identityOf = (
  b: Schema.Struct.Type<typeof identityFields>
): Effect.Effect<Identity, W.WireError> =>
  Effect.map(required("email", b.email), (email) => ({
    email,
    name: b.name,
    givenName: b.givenName,
    familyName: b.familyName,
    phone: b.phone,
    picture: b.picture,
    groups: b.groups
  }))

/** `POST /emulator/faults`: a {@link Faults.FaultSpec}. */
const FaultRequest = Schema.Struct({
  path: Schema.String,
  method: optional(Schema.String),
  times: optional(Num),
  latencyMs: optional(Num),
  status: optional(Num),
  retryAfter: optional(Num),
  malformed: optional(Bool),
  drop: optional(Bool)
})

const faultOf = (b: typeof FaultRequest.Type): Effect.Effect<Faults.FaultSpec, W.WireError> =>
  Effect.map(required("path", b.path), (path) => ({
    path,
    method: nonEmpty(b.method),
    times: b.times,
    latencyMs: b.latencyMs,
    status: b.status,
    retryAfter: b.retryAfter,
    malformed: b.malformed,
    drop: b.drop
  }))

/** `POST /emulator/time/advance`: by `millis`, else by `seconds`. */
const AdvanceRequest = Schema.Struct({ millis: optional(Num), seconds: optional(Num) })

/** `GET /emulator/outbox?projectId=&loginId=&kind=`: the filter (an unknown kind is a 400 naming it). */
const OutboxQuery = Schema.Struct({
  projectId: optional(Schema.String),
  loginId: optional(Schema.String),
  kind: optional(Outbox.MessageKind)
})

/** `POST /emulator/groups`: a group of a tenant, its members by login id or user id. */
const GroupRequest = Schema.Struct({
  tenantId: Schema.String,
  display: Schema.String,
  members: optional(Strings),
  ssoId: optional(Schema.String),
  source: optional(Schema.String)
})

/** `POST /emulator/projects`: a project (a fresh one without `projectId`), optionally seeded. */
const ProjectRequest = Schema.Struct({
  projectId: optional(Schema.String),
  managementKey: optional(Schema.String),
  seed: optional(Schema.Unknown)
})

const unlocked = (route: Route): Route => ({ ...route, unlocked: true })

/** A seed document of a request: a 400 naming the field that does not fit. */
const seedOf = (input: unknown): Effect.Effect<Seed.Seed, W.WireError> =>
  Effect.mapError(Seed.decode(input), (e) =>
    new W.WireError({
      status: 400,
      errorCode: W.Codes.InvalidArguments,
      errorDescription: "Invalid argument",
      errorMessage: `seed: ${e.message}`
    }))

/**
 * The emulator-only routes (no authentication; `?projectId=` selects a project, default otherwise).
 *
 * @since 0.1.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  unlocked(H.get("/emulator", "control", (ctx) =>
    Effect.succeed({
      emulator: "descope-effect",
      projectIds: [...ctx.env.projects.keys()],
      defaultProjectId: ctx.env.defaultProjectId,
      now: ctx.now,
      algorithm: ctx.env.config.algorithm
    }))),
  unlocked(H.get(
    "/emulator/outbox",
    "control",
    H.decoding(OutboxQuery, (ctx, q) => Effect.succeed({ messages: outbox(ctx.env, q) }))
  )),
  H.del("/emulator/outbox", "control", (ctx) =>
    Effect.sync(() => {
      ctx.p.outbox = []
      return {}
    })),
  unlocked(H.get("/emulator/time", "control", (ctx) => Effect.succeed({ now: ctx.now }))),
  unlocked(H.post(
    "/emulator/time/advance",
    "control",
    H.decoding(AdvanceRequest, (ctx, b) => {
      const millis = b.millis ?? (b.seconds ?? 0) * 1000
      return Effect.map(advance(ctx.env, millis), (now) => ({ now }))
    })
  )),
  unlocked(
    H.post("/emulator/keys/rotate", "control", (ctx) => Effect.map(rotateKeys(ctx.env, ctx.p), (kid) => ({ kid })))
  ),
  unlocked(
    H.get("/emulator/faults", "control", (ctx) => Effect.map(Ref.get(ctx.env.faults), (faults) => ({ faults })))
  ),
  unlocked(
    H.post(
      "/emulator/faults",
      "control",
      H.decoding(
        FaultRequest,
        (ctx, b) => Effect.flatMap(faultOf(b), (spec) => Effect.map(addFault(ctx.env, spec), (id) => ({ id })))
      )
    )
  ),
  unlocked(H.del("/emulator/faults", "control", (ctx) => Effect.as(Ref.set(ctx.env.faults, []), {}))),
  unlocked(
    H.del("/emulator/faults/:id", "control", (ctx) =>
      Effect.as(
        Ref.update(ctx.env.faults, (fs) => fs.filter((f) => f.id !== ctx.params.id)),
        {}
      ))
  ),
  H.post(
    "/emulator/identities/oauth",
    "control",
    H.decoding(OAuthIdentityRequest, (ctx, b) =>
      Effect.map(identityOf(b), (identity) => {
        ctx.p.oauthIdentities.set(nonEmpty(b.provider) ?? "*", identity)
        return {}
      }))
  ),
  H.post(
    "/emulator/identities/sso",
    "control",
    H.decoding(SsoIdentityRequest, (ctx, b) =>
      Effect.gen(function*() {
        const tenantId = yield* required("tenantId", b.tenantId)
        ctx.p.ssoIdentities.set(tenantId, yield* identityOf(b))
        return {}
      }))
  ),
  H.post(
    "/emulator/groups",
    "control",
    H.decoding(GroupRequest, (ctx, b) =>
      Effect.gen(function*() {
        const id = yield* addGroup(ctx.p, {
          tenantId: yield* required("tenantId", b.tenantId),
          display: yield* required("display", b.display),
          memberLoginIds: b.members,
          ssoId: nonEmpty(b.ssoId),
          source: nonEmpty(b.source)
        })
        return { id }
      }))
  ),
  unlocked(H.get("/emulator/audit", "control", (ctx) => Effect.succeed({ audits: [...ctx.p.audit] }))),
  unlocked(H.post("/emulator/reset", "control", (ctx) => Effect.as(ctx.env.resetProject(ctx.p.projectId), {}))),
  unlocked(H.post(
    "/emulator/projects",
    "control",
    H.decoding(ProjectRequest, (ctx, b) =>
      Effect.gen(function*() {
        // no projectId: a fresh project of its own (per-test isolation), with the management key answered
        const projectId = nonEmpty(b.projectId) ?? newId("P2", 28)
        const seed = b.seed === undefined ? undefined : yield* seedOf(b.seed)
        const p = yield* ctx.env.addProject(projectId, nonEmpty(b.managementKey))
        if (seed !== undefined) yield* p.lock.withPermits(1)(SeedState.replaceProject(p, seed, ctx.now))
        return nonEmpty(b.projectId) === undefined
          ? { projectId, managementKey: p.managementKeys[0] ?? "" }
          : { projectId }
      }))
  )),
  unlocked(H.del("/emulator/projects/:projectId", "control", (ctx) =>
    Effect.gen(function*() {
      const projectId = ctx.params.projectId ?? ""
      if (projectId === ctx.env.defaultProjectId) {
        return yield* W.fail(400, W.Codes.InvalidRequest, "Invalid request", "the default project cannot be removed")
      }
      if (!(yield* ctx.env.removeProject(projectId))) return yield* W.notFound(`project ${projectId}`)
      return {}
    }))),
  H.get("/emulator/export", "control", (ctx) => Effect.sync(() => SeedState.exportProject(ctx.p))),
  H.post(
    "/emulator/import",
    "control",
    (ctx) =>
      Effect.flatMap(seedOf(ctx.raw ?? {}), (seed) => Effect.as(SeedState.replaceProject(ctx.p, seed, ctx.now), {}))
  ),
  H.get("/emulator/idp/authorize", "control", AuthRoutes.idpAuthorize),
  H.get("/emulator/notp/send", "control", AuthRoutes.notpSend),
  H.post("/emulator/idp/idtoken", "control", AuthRoutes.mintIdToken),
  H.get("/emulator/outbound/authorize", "control", AuthRoutes.outboundAuthorize),
  ...Inspector.routes
]
