/**
 * The `Emulator` service: an in-memory Descope (per project) behind one HTTP
 * application, plus Effect controls for tests — the outbox, time advance, key
 * rotation, injected faults and emulated identities.
 *
 * Time comes only from the `Clock` captured when the emulator is made (plus
 * the offset added by {@link Service.advanceTime}), so under `TestClock` the
 * emulator's codes, links and tokens expire with `TestClock.adjust` too. The
 * emulator signs `iat` / `exp` in that time; {@link clock} / {@link layerClock}
 * give the same time to the application under test, so that advancing the
 * emulator's time expires the sessions it issued for the app too.
 *
 * @since 0.1.0
 */
import type * as HttpApp from "@effect/platform/HttpApp"
import * as Clock from "effect/Clock"
import * as Context from "effect/Context"
import * as Duration from "effect/Duration"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as Option from "effect/Option"
import * as Redacted from "effect/Redacted"
import * as Ref from "effect/Ref"
import type * as Jose from "jose"
import type * as Endpoint from "../wire/Endpoint.js"
import * as AuditWebhooks from "./AuditWebhooks.js"
import * as Control from "./Control.js"
import * as EmulatorApp from "./EmulatorApp.js"
import * as Keys from "./EmulatorKeys.js"
import { type AuditEvent, emptyProject, type Identity, type ProjectState } from "./EmulatorState.js"
import type * as Faults from "./Faults.js"
import type { Config, Env, RequestRecord } from "./Handler.js"
import * as Snapshot from "./mgmt/Snapshot.js"
import type * as Outbox from "./Outbox.js"
import * as Password from "./Password.js"
import type * as RateLimits from "./RateLimits.js"
import * as RequestLog from "./RequestLog.js"
import * as Routes from "./Routes.js"
import * as Seed from "./Seed.js"
import * as SeedState from "./SeedState.js"

/**
 * The default project id (28 characters, so no region is derived from it).
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_PROJECT_ID = "P2EmulatorProject00000000000"

/**
 * The default management key.
 *
 * @since 0.1.0
 * @category constants
 */
export const DEFAULT_MANAGEMENT_KEY = "emulator-management-key"

/**
 * Options of the emulator. Every field is optional.
 *
 * @since 0.1.0
 * @category models
 */
export interface Options {
  /** The default project (default {@link DEFAULT_PROJECT_ID}). */
  readonly projectId?: string | undefined
  /** Its management key (default {@link DEFAULT_MANAGEMENT_KEY}). */
  readonly managementKey?: string | Redacted.Redacted<string> | undefined
  /** More projects, each with its own state, keys and management key (and seed). */
  readonly projects?:
    | ReadonlyArray<
      {
        readonly projectId: string
        readonly managementKey?: string | Redacted.Redacted<string> | undefined
        readonly seed?: Seed.Seed | undefined
      }
    >
    | undefined
  /**
   * The default project's initial state: tenants, permissions, roles, users,
   * access keys, SSO settings, FGA schema and relations. Check a document you
   * read (JSON, YAML) with `Seed.decode` first: it names the field that does not fit.
   */
  readonly seed?: Seed.Seed | undefined
  /** JWT signing algorithm (default `ES384`). */
  readonly algorithm?: Keys.Algorithm | undefined
  /** Session JWT lifetime (default 10 minutes). */
  readonly sessionTokenTtl?: Duration.DurationInput | undefined
  /** Refresh JWT / server-side session lifetime (default 4 weeks). */
  readonly refreshTokenTtl?: Duration.DurationInput | undefined
  /** One-time code lifetime (default 5 minutes). */
  readonly otpTtl?: Duration.DurationInput | undefined
  /** Wrong attempts before a code is locked with `E061103` (default 3). */
  readonly otpMaxAttempts?: number | undefined
  /** Magic / enchanted / reset link and OAuth state lifetime (default 10 minutes). */
  readonly linkTtl?: Duration.DurationInput | undefined
  /** Lifetime of session JWTs exchanged for access keys (default 10 minutes). */
  readonly accessKeySessionTtl?: Duration.DurationInput | undefined
  /** When set, `iss` is `<issuerPrefix>/<projectId>` instead of the bare project id. */
  readonly issuerPrefix?: string | undefined
  /** Redirect URL used when a call sends none (default `http://localhost:3000/verify`). */
  readonly defaultRedirectUrl?: string | undefined
  /** A real per-project rate limiter: at most `requests` per `window`, then 429 `E130429` with `Retry-After`. */
  readonly rateLimit?: { readonly requests: number; readonly window: Duration.DurationInput } | undefined
  /**
   * Descope's rate-limit buckets, enforced per project (none by default): at
   * most `requests` per `window` in each named bucket (`auth`, `mgmt`,
   * `mgmt.user.create`, `mgmt.user.update`, `mgmt.user.search`; the wire
   * catalogue names each endpoint's), then 429 `E130429` with `Retry-After`.
   * Descope's published limits are in `Endpoint.buckets`.
   */
  readonly rateLimits?:
    | Readonly<Partial<Record<Endpoint.Bucket, { readonly requests: number; readonly window: Duration.DurationInput }>>>
    | undefined
  /** Password policy (default: at least 8 characters). */
  readonly passwordPolicy?: Partial<Password.Policy> | undefined
  /** Issuer shown in TOTP provisioning URLs (default `Descope Emulator`). */
  readonly totpIssuer?: string | undefined
  /** How many outbox messages and audit events a project keeps (the oldest go first; default 10 000). */
  readonly historyLimit?: number | undefined
  /**
   * Where successful logins put the tokens (§5.1, §5.3): `body` (default) answers
   * `sessionJwt` and `refreshJwt` in the JSON; `cookie` leaves `refreshJwt` out of
   * the body and sets `DS` / `DSR` cookies (the SDKs' cookie fallback);
   * `both` does both.
   */
  readonly refreshTokenDelivery?: "body" | "cookie" | "both" | undefined
  /**
   * Descope's refresh-token rotation (off by default): every refresh, and every tenant selection, answers a new
   * refresh JWT, and the one it was given is refused from then on (401 `E064002`, as any invalid refresh
   * token); only a session's newest refresh token refreshes, selects a tenant, reads `me` or logs out. An app
   * that refreshes twice with one token (two requests racing, a handler reading the old cookie) then fails in
   * tests as it would against a Descope project with rotation on.
   */
  readonly refreshTokenRotation?: boolean | undefined
  /**
   * Browser origins allowed to call the emulator (e.g. `http://localhost:5173` for a
   * browser SDK): CORS answers name them, with credentials. None by default: CORS is
   * off, and the emulator-only routes (`/emulator/...`, the outbox among them) refuse
   * any request that carries another `Origin` with 403, so a web page cannot read codes
   * from a developer's emulator.
   */
  readonly corsOrigins?: ReadonlyArray<string> | undefined
  /** The largest request body, in bytes (default 1 MiB); larger ones are answered 413. */
  readonly maxBodyBytes?: number | undefined
  /** Serve the inspector at `/emulator/ui` (default `true`; `--no-ui`). */
  readonly ui?: boolean | undefined
  /**
   * The `aud` claim of every session JWT the emulator signs (a project's
   * configured audience; none by default), for the `audience` check of the
   * login calls and of session validation.
   */
  readonly sessionAudience?: string | ReadonlyArray<string> | undefined
}

/**
 * The emulator's API.
 *
 * @since 0.1.0
 * @category models
 */
export interface Service {
  /** The default project id. */
  readonly projectId: string
  /** The default project's management key. */
  readonly managementKey: Redacted.Redacted<string>
  /** The HTTP application (serve it, or call it in-process with `layerHttpClient`). */
  readonly app: HttpApp.Default
  /** Emulator time, epoch milliseconds. */
  readonly now: Effect.Effect<number>
  /**
   * A `Clock` that reads emulator time (the emulator's clock plus every
   * {@link advanceTime}); sleeping is the emulator's clock's. Run the application
   * under test on it (`Effect.withClock`, or {@link layerClock}) to see the
   * sessions the emulator issued expire when emulator time moves.
   */
  readonly clock: Clock.Clock
  /** Moves emulator time forward (codes, links, tokens and sessions expire accordingly). */
  readonly advanceTime: (duration: Duration.DurationInput) => Effect.Effect<void>
  /** Rotates the signing key of a project (default project when omitted); returns the new `kid`. */
  readonly rotateKeys: (projectId?: string) => Effect.Effect<string>
  /** The published JWKS of a project. */
  readonly jwks: (projectId?: string) => Effect.Effect<{ readonly keys: ReadonlyArray<Jose.JWK> }>
  /** Recorded messages, oldest first. */
  readonly outbox: (filter?: Outbox.Filter) => Effect.Effect<ReadonlyArray<Outbox.OutboxMessage>>
  /** The newest message sent for a login id. */
  readonly lastMessage: (
    loginId: string,
    kind?: Outbox.MessageKind
  ) => Effect.Effect<Option.Option<Outbox.OutboxMessage>>
  /** Empties the outbox of every project. */
  readonly clearOutbox: Effect.Effect<void>
  /** Injects a fault; returns its id. */
  readonly addFault: (spec: Faults.FaultSpec) => Effect.Effect<string>
  /** Removes a fault. */
  readonly removeFault: (id: string) => Effect.Effect<void>
  /** Removes every fault. */
  readonly clearFaults: Effect.Effect<void>
  /** The active faults. */
  readonly faults: Effect.Effect<ReadonlyArray<Faults.Fault>>
  /** The identity an OAuth provider returns (`"*"` = any provider). */
  readonly setOAuthIdentity: (provider: string, identity: Identity, projectId?: string) => Effect.Effect<void>
  /** The identity a tenant's SSO IdP returns. */
  readonly setSsoIdentity: (tenantId: string, identity: Identity, projectId?: string) => Effect.Effect<void>
  /** Adds a project (no-op when it exists). */
  readonly addProject: (projectId: string, managementKey?: string | Redacted.Redacted<string>) => Effect.Effect<void>
  /** The audit trail of a project. */
  readonly auditTrail: (projectId?: string) => Effect.Effect<ReadonlyArray<AuditEvent>>
  /** Forgets the data of a project (users, tenants, sessions, outbox ...); keys and management keys stay. */
  readonly reset: (projectId?: string) => Effect.Effect<void>
  /** A project's state as a seed document (its snapshot: hashes, never secrets). */
  readonly exportProject: (projectId?: string) => Effect.Effect<typeof Seed.Seed.Encoded>
  /** Replaces a project's data with a seed document (an export, or a seed), checked first. */
  readonly importProject: (input: unknown, projectId?: string) => Effect.Effect<void, Seed.SeedError>
  /**
   * A project's settings as Descope's snapshot files (what
   * `mgmt.project.exportSnapshot` answers: JSON documents by path, assets as
   * text, images in base64).
   */
  readonly exportSnapshot: (projectId?: string) => Effect.Effect<Readonly<Record<string, unknown>>>
  /**
   * Imports snapshot files into a project, as `mgmt.project.importSnapshot`
   * does: a `SeedError` naming what does not import (nothing changed then).
   */
  readonly importSnapshot: (
    files: Readonly<Record<string, unknown>>,
    projectId?: string
  ) => Effect.Effect<void, Seed.SeedError>
  /** Removes a project (not the default one): `false` when there was none to remove. */
  readonly removeProject: (projectId: string) => Effect.Effect<boolean>
  /**
   * The last requests to Descope's routes: method, path, status, latency,
   * error code, and the bodies redacted (see `RedactedBody`); never a header
   * or a query string.
   */
  readonly requests: Effect.Effect<ReadonlyArray<RequestRecord>>
  /**
   * Stops the emulator's background work: the audit webhook deliveries still
   * running (see `AuditWebhooks`). The layer does it when its scope closes.
   */
  readonly close: Effect.Effect<void>
  /** The ids of the projects, the default one first. */
  readonly projectIds: Effect.Effect<ReadonlyArray<string>>
}

/**
 * The emulator service tag.
 *
 * @since 0.1.0
 * @category tags
 */
export class Emulator extends Context.Tag("descope-effect/Emulator")<Emulator, Service>() {}

const millis = (d: Duration.DurationInput | undefined, fallback: Duration.DurationInput): number =>
  Duration.toMillis(Duration.decode(d ?? fallback))

const rateLimitsOf = (options: Options): RateLimits.Limits => {
  const limits: Partial<Record<RateLimits.Scope, RateLimits.Limit>> = {}
  if (options.rateLimit !== undefined) {
    limits.all = { requests: options.rateLimit.requests, windowMs: millis(options.rateLimit.window, "1 second") }
  }
  for (
    const [bucket, limit] of Object.entries(options.rateLimits ?? {}) as Array<
      [Endpoint.Bucket, { readonly requests: number; readonly window: Duration.DurationInput } | undefined]
    >
  ) {
    if (limit !== undefined) limits[bucket] = { requests: limit.requests, windowMs: millis(limit.window, "1 second") }
  }
  return limits
}

const reveal = (k: string | Redacted.Redacted<string> | undefined): string | undefined =>
  k === undefined ? undefined : typeof k === "string" ? k : Redacted.value(k)

/**
 * Resolves options into the emulator's configuration.
 *
 * @since 0.1.0
 * @category constructors
 */
export const config = (options: Options): Config => ({
  algorithm: options.algorithm ?? "ES384",
  sessionTtlMs: millis(options.sessionTokenTtl, "10 minutes"),
  refreshTtlMs: millis(options.refreshTokenTtl, "28 days"),
  otpTtlMs: millis(options.otpTtl, "5 minutes"),
  otpMaxAttempts: options.otpMaxAttempts ?? 3,
  linkTtlMs: millis(options.linkTtl, "10 minutes"),
  accessKeySessionTtlMs: millis(options.accessKeySessionTtl, "10 minutes"),
  issuerPrefix: options.issuerPrefix,
  defaultRedirectUrl: options.defaultRedirectUrl ?? "http://localhost:3000/verify",
  rateLimits: rateLimitsOf(options),
  passwordPolicy: { ...Password.defaultPolicy, ...options.passwordPolicy },
  totpIssuer: options.totpIssuer ?? "Descope Emulator",
  historyLimit: Math.max(1, options.historyLimit ?? 10_000),
  refreshTokenDelivery: options.refreshTokenDelivery ?? "body",
  refreshTokenRotation: options.refreshTokenRotation ?? false,
  ui: options.ui ?? true,
  sessionAudience: options.sessionAudience
})

/**
 * The clock of emulator time over `base` (the clock the emulator was made
 * with) and the advanced `offset`. It extends `base`, so when `base` is the
 * `TestClock`, `TestClock.adjust` & co. still work on a fiber running on it.
 */
const makeClock = (base: Clock.Clock, offset: Ref.Ref<number>): Clock.Clock => {
  const offsetNow = (): number => Effect.runSync(Ref.get(offset))
  const derived: Clock.Clock = Object.create(base)
  return Object.assign(derived, {
    currentTimeMillis: Effect.zipWith(base.currentTimeMillis, Ref.get(offset), (t, o) => t + o),
    currentTimeNanos: Effect.zipWith(base.currentTimeNanos, Ref.get(offset), (t, o) => t + BigInt(o) * 1_000_000n),
    unsafeCurrentTimeMillis: () => base.unsafeCurrentTimeMillis() + offsetNow(),
    unsafeCurrentTimeNanos: () => base.unsafeCurrentTimeNanos() + BigInt(offsetNow()) * 1_000_000n,
    sleep: (duration: Duration.Duration) => base.sleep(duration)
  })
}

/**
 * Makes an emulator.
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: Options = {}): Effect.Effect<Service> =>
  Effect.gen(function*() {
    const base = yield* Effect.clock
    const offset = yield* Ref.make(0)
    const clock = makeClock(base, offset)
    const faults = yield* Ref.make<ReadonlyArray<Faults.Fault>>([])
    const cfg = config(options)
    const projects = new Map<string, ProjectState>()
    const defaultProjectId = options.projectId ?? DEFAULT_PROJECT_ID
    const defaultKey = reveal(options.managementKey) ?? DEFAULT_MANAGEMENT_KEY
    const now = clock.currentTimeMillis
    const newProject = (projectId: string, keys: ReadonlyArray<string>) =>
      Effect.gen(function*() {
        const key = yield* Keys.generate(cfg.algorithm, yield* now)
        const lock = yield* Effect.makeSemaphore(1)
        return emptyProject(projectId, keys, [key], lock)
      })
    const addProject = (projectId: string, managementKey: string | undefined) =>
      Effect.gen(function*() {
        const existing = projects.get(projectId)
        if (existing) {
          if (managementKey !== undefined && !existing.managementKeys.includes(managementKey)) {
            existing.managementKeys.push(managementKey)
          }
          return existing
        }
        const p = yield* newProject(projectId, [managementKey ?? defaultKey])
        projects.set(projectId, p)
        return p
      })
    const env: Env = {
      config: cfg,
      requests: [],
      projects,
      defaultProjectId,
      now,
      offset,
      faults,
      sleep: (ms) => base.sleep(Duration.millis(ms)),
      addProject,
      resetProject: (projectId) =>
        Effect.gen(function*() {
          const p = projects.get(projectId)
          if (p === undefined) return
          // in place: requests already holding this project see the reset too
          yield* p.lock.withPermits(1)(Effect.sync(() => SeedState.clearProject(p)))
        }),
      removeProject: (projectId) => Effect.sync(() => projectId !== defaultProjectId && projects.delete(projectId))
    }
    const seeded = (p: ProjectState, seed: Seed.Seed | undefined) =>
      seed === undefined ? Effect.void : Effect.flatMap(now, (t) => SeedState.apply(p, seed, t))
    yield* Effect.flatMap(addProject(defaultProjectId, defaultKey), (p) => seeded(p, options.seed))
    for (const extra of options.projects ?? []) {
      yield* Effect.flatMap(addProject(extra.projectId, reveal(extra.managementKey)), (p) => seeded(p, extra.seed))
    }
    const app = EmulatorApp.make(env, [...Routes.all, ...Control.routes], {
      corsOrigins: options.corsOrigins,
      maxBodyBytes: options.maxBodyBytes
    })
    const project = (projectId?: string): Effect.Effect<ProjectState> =>
      Effect.suspend(() => {
        const p = projects.get(projectId ?? defaultProjectId)
        return p === undefined ? Effect.dieMessage(`unknown project ${projectId}`) : Effect.succeed(p)
      })
    const locked = <A>(projectId: string | undefined, f: (p: ProjectState) => A): Effect.Effect<A> =>
      Effect.flatMap(project(projectId), (p) => p.lock.withPermits(1)(Effect.sync(() => f(p))))
    return Emulator.of({
      projectId: defaultProjectId,
      managementKey: Redacted.make(defaultKey),
      app,
      now,
      clock,
      advanceTime: (d) => Effect.asVoid(Control.advance(env, Duration.toMillis(Duration.decode(d)))),
      rotateKeys: (projectId) => Effect.flatMap(project(projectId), (p) => Control.rotateKeys(env, p)),
      jwks: (projectId) =>
        Effect.flatMap(project(projectId), (p) =>
          Effect.map(now, (t) => Keys.jwks(Keys.published(p.keys, t, Control.maxTokenLifetime(env))))),
      outbox: (filter) =>
        Effect.sync(() => Control.outbox(env, filter)),
      lastMessage: (loginId, kind) => Effect.sync(() => Control.lastMessage(env, { loginId, kind })),
      clearOutbox: Effect.forEach([...projects.keys()], (id) => locked(id, (p) => (p.outbox = [])), { discard: true }),
      addFault: (spec) => Control.addFault(env, spec),
      removeFault: (id) => Ref.update(faults, (fs) => fs.filter((f) => f.id !== id)),
      clearFaults: Ref.set(faults, []),
      faults: Ref.get(faults),
      setOAuthIdentity: (provider, identity, projectId) =>
        locked(projectId, (p) => void p.oauthIdentities.set(provider, identity)),
      setSsoIdentity: (tenantId, identity, projectId) =>
        locked(projectId, (p) => void p.ssoIdentities.set(tenantId, identity)),
      addProject: (projectId, managementKey) => Effect.asVoid(addProject(projectId, reveal(managementKey))),
      auditTrail: (projectId) => locked(projectId, (p) => [...p.audit]),
      reset: (projectId) => env.resetProject(projectId ?? defaultProjectId),
      exportProject: (projectId) => locked(projectId, SeedState.exportProject),
      importProject: (input, projectId) =>
        Effect.flatMap(Seed.decode(input), (seed) =>
          Effect.flatMap(project(projectId), (p) =>
            p.lock.withPermits(1)(Effect.flatMap(now, (t) =>
              SeedState.replaceProject(p, seed, t))))),
      exportSnapshot: (projectId) =>
        locked(projectId, (p) =>
          Snapshot.exportFiles(p)),
      importSnapshot: (files, projectId) =>
        Effect.flatMap(project(projectId), (p) =>
          p.lock.withPermits(1)(Effect.flatMap(now, (t) => {
            const failures = Snapshot.importFiles(p, files, [], t)
            return failures.length === 0
              ? Effect.void
              : Effect.fail(new Seed.SeedError({ path: "snapshot", reason: failures.join("; ") }))
          }))),
      removeProject: (projectId) => env.removeProject(projectId),
      projectIds: Effect.sync(() => [...projects.keys()]),
      requests: Effect.sync(() => RequestLog.records(env)),
      close: AuditWebhooks.close(env)
    })
  })

/**
 * The emulator as a layer.
 *
 * @since 0.1.0
 * @category layers
 */
export const layer = (options: Options = {}): Layer.Layer<Emulator> =>
  Layer.scoped(Emulator, Effect.tap(make(options), (emulator) => Effect.addFinalizer(() => emulator.close)))

/**
 * The emulator's clock ({@link Service.clock}): emulator time, which
 * {@link Service.advanceTime} and `POST /emulator/time/advance` move.
 *
 * ```ts
 * const session = yield* client.validateSession(token).pipe(Effect.withClock(yield* Emulator.clock))
 * ```
 *
 * @since 0.2.0
 * @category getters
 */
export const clock: Effect.Effect<Clock.Clock, never, Emulator> = Effect.map(Emulator, (e) => e.clock)

/**
 * Runs what it is provided to on the emulator's clock: provide it to your
 * application in tests (in-process), and advancing the emulator's time
 * (`emulator.advanceTime`, `POST /emulator/time/advance`) expires the sessions
 * the emulator issued for your app too, without your app knowing about the
 * emulator. Under `TestClock`, `TestClock.adjust` keeps working.
 *
 * ```ts
 * const TestLive = Layer.mergeAll(AppLive, Emulator.layerClock).pipe(Layer.provideMerge(Emulator.layer()))
 * ```
 *
 * @since 0.2.0
 * @category layers
 */
export const layerClock: Layer.Layer<never, never, Emulator> = Layer.unwrapEffect(
  Effect.map(Emulator, (e) => Layer.setClock(e.clock))
)
