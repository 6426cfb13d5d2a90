/**
 * The emulator's outbound applications (`src/wire/mgmt/OutboundApplication.ts`),
 * kept per project with the tokens users and tenants hold for them
 * (`OutboundAppToken.ts`). A client secret is kept and never answered.
 * `createApplicationByTemplate` knows a few providers' templates by id
 * (`google`, `github`, `slack`, `microsoft`), with their real endpoints; another
 * template id is a 404. Deleting an application deletes its tokens.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Wire from "../../wire/mgmt/OutboundApplication.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"

/**
 * A stored token (of a user, or of a tenant when `userId` is absent).
 *
 * @since 0.2.0
 * @category models
 */
export interface TokenRecord {
  readonly id: string
  /** Order of storage: the latest token has the highest. */
  readonly seq: number
  readonly appId: string
  readonly userId: string | undefined
  readonly tenantId: string | undefined
  readonly accessToken: string | undefined
  readonly accessTokenExpiry: number | undefined
  readonly refreshToken: string | undefined
  readonly scopes: ReadonlyArray<string>
  readonly grantedBy: string | undefined
}

/**
 * A stored application: what the wire answers, and its client secret.
 *
 * @since 0.2.0
 * @category models
 */
export interface AppRecord {
  app: Wire.OutboundApplication
  clientSecret: string | undefined
}

/**
 * A project's outbound applications and tokens.
 *
 * @since 0.2.0
 * @category models
 */
export interface OutboundStore {
  readonly apps: Map<string, AppRecord>
  tokens: Array<TokenRecord>
  seq: number
}

/**
 * The outbound store of a project (created empty on first use, and after a reset).
 *
 * @since 0.2.0
 * @category queries
 */
export const outboundOf: (p: ProjectState) => OutboundStore = perProject((): OutboundStore => ({
  apps: new Map(),
  tokens: [],
  seq: 0
}))

/**
 * The application of `id`, or a 404.
 *
 * @since 0.2.0
 * @category queries
 */
export const findApp = (ctx: Ctx, id: string): Effect.Effect<AppRecord, WireError> => {
  const a = outboundOf(ctx.p).apps.get(id)
  return a === undefined ? W.notFound(`outbound application ${id}`) : Effect.succeed(a)
}

type Fields = Omit<typeof Wire.TemplateOverrides.Type, never>

const templates: Readonly<Record<string, Fields & { readonly name: string }>> = {
  google: {
    name: "Google",
    discoveryUrl: "https://accounts.google.com/.well-known/openid-configuration",
    authorizationUrl: "https://accounts.google.com/o/oauth2/v2/auth",
    tokenUrl: "https://oauth2.googleapis.com/token",
    revocationUrl: "https://oauth2.googleapis.com/revoke",
    defaultScopes: ["openid", "email", "profile"],
    pkce: true,
    accessType: "offline",
    prompt: ["consent"]
  },
  github: {
    name: "GitHub",
    authorizationUrl: "https://github.com/login/oauth/authorize",
    tokenUrl: "https://github.com/login/oauth/access_token",
    defaultScopes: ["read:user"]
  },
  slack: {
    name: "Slack",
    authorizationUrl: "https://slack.com/oauth/v2/authorize",
    tokenUrl: "https://slack.com/api/oauth.v2.access",
    defaultScopes: ["chat:write"]
  },
  microsoft: {
    name: "Microsoft",
    discoveryUrl: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
    authorizationUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
    tokenUrl: "https://login.microsoftonline.com/common/oauth2/v2.0/token",
    defaultScopes: ["openid", "offline_access", "User.Read"],
    pkce: true
  }
}

const withoutUndefined = <A extends object>(a: A): A =>
  Object.fromEntries(Object.entries(a).filter(([, v]) => v !== undefined)) as A

const save = (
  ctx: Ctx,
  id: string | undefined,
  fields: Fields & { readonly name: string },
  clientSecret: Redacted.Redacted<string> | undefined,
  replace: boolean
): Effect.Effect<{ readonly app: Wire.OutboundApplication }, WireError> =>
  Effect.gen(function*() {
    if (fields.name.trim() === "") return yield* W.missing("name")
    const s = outboundOf(ctx.p)
    const appId = id !== undefined && id !== "" ? id : newId("OA")
    const current = s.apps.get(appId)
    if (!replace && current !== undefined) {
      return yield* fail(409, Codes.InvalidRequest, "Application already exists", appId)
    }
    if (replace && current === undefined) return yield* W.notFound(`outbound application ${appId}`)
    const { name, ...rest } = fields
    const app: Wire.OutboundApplication = {
      ...withoutUndefined(rest),
      id: appId,
      name,
      description: rest.description ?? ""
    }
    s.apps.set(appId, {
      app,
      clientSecret: clientSecret !== undefined ? Redacted.value(clientSecret) : current?.clientSecret
    })
    return { app }
  })

/**
 * The outbound application routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.createApplication, (ctx, b) => {
    const { clientSecret, id, ...fields } = b
    return save(ctx, id, fields, clientSecret, false)
  }),
  H.endpoint(Wire.createApplicationByTemplate, (ctx, b) => {
    const template = templates[b.templateId]
    if (template === undefined) return W.notFound(`outbound application template ${b.templateId}`)
    const overrides = withoutUndefined(b.overrides ?? {})
    return save(
      ctx,
      b.id,
      { ...template, ...overrides, name: overrides.name ?? template.name, clientId: b.clientId },
      b.clientSecret,
      false
    )
  }),
  H.endpoint(Wire.updateApplication, (ctx, b) => {
    const { clientSecret, id, ...fields } = b.app
    return id === undefined || id === "" ? W.missing("app.id") : save(ctx, id, fields, clientSecret, true)
  }),
  H.endpoint(Wire.deleteApplication, (ctx, b) =>
    Effect.map(findApp(ctx, b.id), () => {
      const s = outboundOf(ctx.p)
      s.apps.delete(b.id)
      s.tokens = s.tokens.filter((t) => t.appId !== b.id)
      return {}
    })),
  H.endpoint(Wire.loadApplication, (ctx) => Effect.map(findApp(ctx, ctx.params["id"] ?? ""), (a) => ({ app: a.app }))),
  H.endpoint(
    Wire.loadAllApplications,
    (ctx) => Effect.succeed({ apps: [...outboundOf(ctx.p).apps.values()].map((a) => a.app) })
  )
]
