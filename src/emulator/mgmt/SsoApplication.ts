/**
 * The emulator's SSO applications, Descope as an identity provider
 * (`src/wire/mgmt/SsoApplication.ts`), kept per project. An OIDC application
 * gets a client secret at creation, answered by `secret` and replaced by
 * `rotate`; a SAML / WS-Fed application has none (a 400). An update replaces
 * every field it carries (`enabled` is kept when absent), and must name an
 * application of its own kind. The IdP addresses in the answers (`issuer`,
 * `idpSsoUrl` ...) are the ones Descope would report, under the emulator's
 * base URL; the emulator does not serve the IdP flows themselves.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { CustomAttribute } from "../../wire/mgmt/CustomAttribute.js"
import * as Wire from "../../wire/mgmt/SsoApplication.js"
import type * as Shapes from "../../wire/mgmt/SsoApplicationSettings.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId, newSecret } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import * as Added from "./AddedSecrets.js"
import { perProject } from "./AreaState.js"

/**
 * The kinds of application.
 *
 * @since 0.2.0
 * @category models
 */
export type AppType = "oidc" | "saml" | "wsfed"

/**
 * A stored application: the common fields and the settings of its kind, as sent.
 *
 * @since 0.2.0
 * @category models
 */
export interface SsoAppRecord {
  readonly id: string
  readonly appType: AppType
  name: string
  description: string
  logo: string
  enabled: boolean
  settings: Readonly<Record<string, unknown>>
  /** The client secret of an OIDC application. */
  secret: string | undefined
  /** go-sdk's added client secrets, by name. */
  readonly added: Added.AddedSecrets
}

/**
 * The custom attributes SSO applications may map (go-sdk), per project.
 *
 * @since 0.2.0
 * @category queries
 */
export const customAttributesOf: (p: ProjectState) => { defs: Array<CustomAttribute> } = perProject(() => ({
  defs: [] as Array<CustomAttribute>
}))

/**
 * The SSO applications of a project, by id (created empty on first use, and after a reset).
 *
 * @since 0.2.0
 * @category queries
 */
export const appsOf: (p: ProjectState) => Map<string, SsoAppRecord> = perProject((): Map<string, SsoAppRecord> =>
  new Map()
)

const COMMON = new Set(["id", "name", "description", "logo", "enabled"])

const settingsOf = (b: Readonly<Record<string, unknown>>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(b).filter(([k, v]) => !COMMON.has(k) && v !== undefined))

const render = (ctx: Ctx, a: SsoAppRecord): Shapes.SsoApplication => {
  const issuer = `${ctx.baseUrl}/${ctx.p.projectId}`
  const idp = `${ctx.baseUrl}${Wire.idpPath(ctx.p.projectId, a.id)}`
  const s = a.settings
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    enabled: a.enabled,
    logo: a.logo,
    appType: a.appType,
    ...(a.appType === "oidc"
      ? {
        oidcSettings: {
          loginPageUrl: typeof s["loginPageUrl"] === "string" ? s["loginPageUrl"] : "",
          issuer,
          discoveryUrl: `${issuer}/.well-known/openid-configuration`,
          forceAuthentication: s["forceAuthentication"] === true
        }
      }
      : {}),
    ...(a.appType === "saml"
      ? {
        samlSettings: {
          loginPageUrl: "",
          useMetadataInfo: false,
          metadataUrl: "",
          entityId: "",
          acsUrl: "",
          certificate: "",
          attributeMapping: [],
          groupsMapping: [],
          acsAllowedCallbacks: [],
          subjectNameIdType: "",
          subjectNameIdFormat: "",
          defaultRelayState: "",
          forceAuthentication: false,
          logoutRedirectUrl: "",
          ...a.settings,
          idpMetadataUrl: `${idp}/saml/metadata`,
          idpEntityId: idp,
          idpSsoUrl: `${idp}/saml/sso`,
          idpLogoutUrl: `${idp}/saml/logout`
        }
      }
      : {}),
    ...(a.appType === "wsfed"
      ? {
        wsfedSettings: {
          loginPageUrl: "",
          realm: "",
          replyUrl: "",
          attributeMapping: [],
          groupsMapping: [],
          forceAuthentication: false,
          logoutRedirectUrl: "",
          errorRedirectUrl: "",
          ...a.settings,
          idpMetadataUrl: `${idp}/wsfed/metadata`,
          idpEntityId: idp,
          idpSsoUrl: `${idp}/wsfed`
        }
      }
      : {})
  }
}

interface Common {
  readonly id?: string | undefined
  readonly name: string
  readonly description?: string | undefined
  readonly logo?: string | undefined
  readonly enabled?: boolean | undefined
}

const create = (ctx: Ctx, appType: AppType, b: Common) =>
  Effect.gen(function*() {
    if (b.name.trim() === "") return yield* W.missing("name")
    const apps = appsOf(ctx.p)
    const id = b.id !== undefined && b.id !== "" ? b.id : newId("SA")
    if (apps.has(id)) return yield* fail(409, Codes.InvalidRequest, "Application already exists", id)
    apps.set(id, {
      id,
      appType,
      name: b.name,
      description: b.description ?? "",
      logo: b.logo ?? "",
      enabled: b.enabled ?? true,
      settings: settingsOf(b as unknown as Record<string, unknown>),
      secret: appType === "oidc" ? newSecret(32) : undefined,
      added: new Map()
    })
    return { id }
  })

const find = (ctx: Ctx, id: string): Effect.Effect<SsoAppRecord, WireError> => {
  const a = appsOf(ctx.p).get(id)
  return a === undefined ? W.notFound(`SSO application ${id}`) : Effect.succeed(a)
}

const update = (ctx: Ctx, appType: AppType, b: Common) =>
  Effect.gen(function*() {
    if (b.id === undefined || b.id === "") return yield* W.missing("id")
    if (b.name.trim() === "") return yield* W.missing("name")
    const a = yield* find(ctx, b.id)
    if (a.appType !== appType) return yield* W.invalid(`SSO application ${a.id} is a ${a.appType} application`)
    a.name = b.name
    a.description = b.description ?? ""
    a.logo = b.logo ?? ""
    if (b.enabled !== undefined) a.enabled = b.enabled
    a.settings = settingsOf(b as unknown as Record<string, unknown>)
    return {}
  })

const secretOf = (ctx: Ctx, id: string, rotate: boolean) =>
  Effect.flatMap(find(ctx, id), (a) => {
    if (a.appType !== "oidc" || a.secret === undefined) {
      return W.invalid(`SSO application ${id} is a ${a.appType} application: only OIDC applications have a secret`)
    }
    if (rotate) a.secret = newSecret(32)
    return Effect.succeed({ cleartext: Redacted.make(a.secret) })
  })

/**
 * The SSO application routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.createOidcApplication, (ctx, b) => create(ctx, "oidc", b)),
  H.endpoint(Wire.createSamlApplication, (ctx, b) => create(ctx, "saml", b)),
  H.endpoint(Wire.createWsFedApplication, (ctx, b) => create(ctx, "wsfed", b)),
  H.endpoint(Wire.updateOidcApplication, (ctx, b) => update(ctx, "oidc", b)),
  H.endpoint(Wire.updateSamlApplication, (ctx, b) => update(ctx, "saml", b)),
  H.endpoint(Wire.updateWsFedApplication, (ctx, b) => update(ctx, "wsfed", b)),
  H.endpoint(Wire.delete, (ctx, b) => Effect.map(find(ctx, b.id), (a) => (appsOf(ctx.p).delete(a.id), {}))),
  H.endpoint(Wire.load, (ctx, q) => Effect.map(find(ctx, q.id), (a) => render(ctx, a))),
  H.endpoint(Wire.loadAll, (ctx) => Effect.succeed({ apps: [...appsOf(ctx.p).values()].map((a) => render(ctx, a)) })),
  H.endpoint(Wire.getApplicationSecret, (ctx, q) => secretOf(ctx, q.id, false)),
  H.endpoint(Wire.rotateApplicationSecret, (ctx, b) => secretOf(ctx, b.id, true)),
  H.endpoint(
    Wire.addApplicationSecret,
    (ctx, b) =>
      Effect.flatMap(
        secretOf(ctx, b.id, false),
        () => Effect.flatMap(find(ctx, b.id), (a) => Added.add(a.added, b, ctx.now))
      )
  ),
  H.endpoint(
    Wire.revokeApplicationSecret,
    (ctx, b) => Effect.flatMap(find(ctx, b.id), (a) => Added.revoke(a.added, b))
  ),
  H.endpoint(Wire.loadCustomAttributes, (ctx) => Effect.succeed({ data: [...customAttributesOf(ctx.p).defs] })),
  H.endpoint(Wire.createCustomAttributes, (ctx, b) =>
    Effect.gen(function*() {
      if (b.attributes.some((x) => x.name === undefined || x.name === null || x.name.trim() === "")) {
        return yield* W.missing("attributes[].name")
      }
      const store = customAttributesOf(ctx.p)
      for (const x of b.attributes) store.defs = [...store.defs.filter((d) => d.name !== x.name), { ...x }]
      return { data: [...store.defs] }
    })),
  H.endpoint(Wire.deleteCustomAttributes, (ctx, b) =>
    Effect.sync(() => {
      const store = customAttributesOf(ctx.p)
      store.defs = store.defs.filter((d) => !b.names.includes(String(d.name)))
      return { data: [...store.defs] }
    }))
]
