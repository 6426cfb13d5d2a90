/**
 * The emulator's JWT templates (`src/wire/mgmt/JwtTemplate.ts`), kept per
 * project, and a small template library (`hasura`, `supabase`). Names are
 * unique. `validate` checks the claims object for real: a claim name that is
 * empty, a registered claim the template may not set (`iss`, `exp`, `iat`,
 * `nbf`, `jti`, `aud`, `amr`, `drn`, and `sub` unless `overrideSubject`), and
 * `{{ ... }}` expressions left open are errors. The emulator signs its tokens
 * without applying templates.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/JwtTemplate.js"
import type { ProjectState } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newId } from "../Ids.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { perProject } from "./AreaState.js"

/**
 * The JWT templates of a project, by id (created empty on first use, and after a reset).
 *
 * @since 0.2.0
 * @category queries
 */
export const templatesOf: (p: ProjectState) => Map<string, Wire.JwtTemplate> = perProject((): Map<
  string,
  Wire.JwtTemplate
> => new Map())

/**
 * The template library.
 *
 * @since 0.2.0
 * @category constants
 */
export const library: ReadonlyArray<Wire.LibraryEntry> = [
  {
    id: "hasura",
    name: "Hasura",
    description: "Hasura's claims namespace: the user id, the default and allowed roles",
    type: "user",
    tags: ["hasura"],
    template: {
      "https://hasura.io/jwt/claims": {
        "x-hasura-user-id": "{{user.userId}}",
        "x-hasura-default-role": "user",
        "x-hasura-allowed-roles": ["user"]
      }
    }
  },
  {
    id: "supabase",
    name: "Supabase",
    description: "Supabase's role and e-mail claims",
    type: "user",
    tags: ["supabase"],
    template: { role: "authenticated", email: "{{user.email}}" }
  }
]

const REGISTERED = ["iss", "exp", "iat", "nbf", "jti", "aud", "amr", "drn"]

type Issue = { readonly message: string; readonly severity: string; readonly path: string }

const expressionIssues = (value: unknown, path: string): Array<Issue> => {
  if (typeof value === "string") {
    const opens = value.split("{{").length - 1
    const closes = value.split("}}").length - 1
    return opens === closes ? [] : [{ message: "an expression is not closed", severity: "error", path }]
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => expressionIssues(v, `${path}[${i}]`))
  if (W.isObject(value)) return Object.entries(value).flatMap(([k, v]) => expressionIssues(v, `${path}.${k}`))
  return []
}

/**
 * The issues of a template (errors make it invalid).
 *
 * @since 0.2.0
 * @category guards
 */
export const issuesOf = (t: Wire.JwtTemplate): ReadonlyArray<Issue> => {
  const issues: Array<Issue> = []
  if ((t.name ?? "").trim() === "") issues.push({ message: "a template needs a name", severity: "error", path: "name" })
  for (const [claim, value] of Object.entries(t.template ?? {})) {
    const path = `template.${claim}`
    if (claim.trim() === "") issues.push({ message: "a claim needs a name", severity: "error", path })
    if (REGISTERED.includes(claim) || (claim === "sub" && t.overrideSubject !== true)) {
      issues.push({ message: `"${claim}" is set by Descope`, severity: "error", path })
    }
    issues.push(...expressionIssues(value, path))
  }
  return issues
}

const checked = (ctx: Ctx, t: Wire.JwtTemplate, id: string | undefined): Effect.Effect<void, WireError> => {
  const errors = issuesOf(t).filter((i) => i.severity === "error")
  if (errors.length > 0) return W.invalid(errors.map((i) => `${i.path}: ${i.message}`).join("; "))
  const taken = [...templatesOf(ctx.p).values()].some((x) => x.name === t.name && x.id !== id)
  return taken
    ? fail(409, Codes.InvalidRequest, "Template already exists", `a template named "${t.name}" exists`)
    : Effect.void
}

const find = (ctx: Ctx, id: string): Effect.Effect<Wire.JwtTemplate, WireError> => {
  const t = templatesOf(ctx.p).get(id)
  return t === undefined ? W.notFound(`JWT template ${id}`) : Effect.succeed(t)
}

const create = (ctx: Ctx, t: Wire.JwtTemplate) =>
  Effect.gen(function*() {
    yield* checked(ctx, t, undefined)
    const template: Wire.JwtTemplate = { ...t, id: newId("JT"), template: t.template ?? {} }
    templatesOf(ctx.p).set(template.id!, template)
    return { template }
  })

const findEntry = (id: string): Effect.Effect<Wire.LibraryEntry, WireError> => {
  const e = library.find((x) => x.id === id)
  return e === undefined ? W.notFound(`library template ${id}`) : Effect.succeed(e)
}

/**
 * The JWT template routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.create, (ctx, b) => create(ctx, b.template)),
  H.endpoint(Wire.update, (ctx, b) =>
    Effect.gen(function*() {
      const id = b.template.id ?? ""
      if (id === "") return yield* W.missing("template.id")
      yield* find(ctx, id)
      yield* checked(ctx, b.template, id)
      const template: Wire.JwtTemplate = { ...b.template, template: b.template.template ?? {} }
      templatesOf(ctx.p).set(id, template)
      return { template }
    })),
  H.endpoint(Wire.delete, (ctx, b) => Effect.map(find(ctx, b.id), () => (templatesOf(ctx.p).delete(b.id), {}))),
  H.endpoint(Wire.list, (ctx) => Effect.succeed({ templates: [...templatesOf(ctx.p).values()] })),
  H.endpoint(Wire.load, (ctx, b) => Effect.map(find(ctx, b.id), (template) => ({ template }))),
  H.endpoint(
    Wire.validate,
    (ctx, b) =>
      Effect.map(b.template !== undefined ? Effect.succeed(b.template) : find(ctx, b.id), (t) => {
        const issues = issuesOf(t)
        return { valid: !issues.some((i) => i.severity === "error"), issues: [...issues] }
      })
  ),
  H.endpoint(Wire.listLibrary, () => Effect.succeed({ entries: [...library] })),
  H.endpoint(Wire.loadLibraryEntry, (_ctx, b) => Effect.map(findEntry(b.id), (entry) => ({ entry }))),
  H.endpoint(Wire.applyFromLibrary, (ctx, b) =>
    Effect.flatMap(findEntry(b.libraryEntryId), (entry) => {
      const { experimental: _e, logoDark: _d, logoLight: _l, id: _id, ...fields } = entry
      return create(ctx, {
        ...fields,
        name: b.nameOverride ?? entry.name,
        description: b.descriptionOverride ?? entry.description,
        tags: b.tagsOverride ?? entry.tags,
        template: b.templateOverride ?? entry.template,
        source: entry.id
      })
    }))
]
