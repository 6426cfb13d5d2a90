/**
 * `client.mgmt.jwtTemplate` (node-sdk's `management.jwtTemplate`): the JWT
 * templates of the project and the template library.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { checked, nonEmpty } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/JwtTemplate.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * A JWT template.
 *
 * @since 0.2.0
 * @category schemas
 */
export const JwtTemplate = Wire.JwtTemplate

/**
 * @since 0.2.0
 * @category models
 */
export type JwtTemplate = Wire.JwtTemplate

/**
 * @since 0.2.0
 * @category models
 */
export type JwtTemplateLibraryEntry = Wire.LibraryEntry

/**
 * @since 0.2.0
 * @category models
 */
export type JwtTemplateValidationResult = Wire.ValidationResult

/**
 * The request of `applyFromLibrary`.
 *
 * @since 0.2.0
 * @category models
 */
export type ApplyJwtTemplateFromLibraryRequest = typeof Wire.applyFromLibrary.request.Type

/**
 * `client.mgmt.jwtTemplate`.
 *
 * @since 0.2.0
 * @category models
 */
export interface JwtTemplateApi {
  /** Creates a template; answers it (with its id). */
  readonly create: (template: JwtTemplate) => Effect.Effect<JwtTemplate, ManagementError>
  /** Replaces the template of `template.id`; answers it. */
  readonly update: (template: JwtTemplate & { readonly id: string }) => Effect.Effect<JwtTemplate, ManagementError>
  /** Deletes a template. */
  readonly delete: (id: string) => Effect.Effect<void, ManagementError>
  /** Every template. */
  readonly list: () => Effect.Effect<ReadonlyArray<JwtTemplate>, ManagementError>
  /** Loads a template. */
  readonly load: (id: string) => Effect.Effect<JwtTemplate, ManagementError>
  /** Validates the stored template of `id`, or `template` when given. */
  readonly validate: (
    id: string,
    template?: JwtTemplate | undefined
  ) => Effect.Effect<JwtTemplateValidationResult, ManagementError>
  /** The library's templates. */
  readonly listLibrary: () => Effect.Effect<ReadonlyArray<JwtTemplateLibraryEntry>, ManagementError>
  /** One template of the library. */
  readonly loadLibraryEntry: (id: string) => Effect.Effect<JwtTemplateLibraryEntry, ManagementError>
  /** Creates a template from a library entry (with overrides); answers it. */
  readonly applyFromLibrary: (
    request: ApplyJwtTemplateFromLibraryRequest
  ) => Effect.Effect<JwtTemplate, ManagementError>
}

/**
 * Builds `client.mgmt.jwtTemplate`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): JwtTemplateApi => {
  const template = (r: { readonly template: JwtTemplate }) => r.template
  return {
    create: (t) => Effect.map(mgmt.call(Wire.create, { request: { template: t } }), template),
    update: (t) =>
      checked([nonEmpty("id", t.id)], Effect.map(mgmt.call(Wire.update, { request: { template: t } }), template)),
    delete: (id) => checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.delete, { request: { id } }))),
    list: () => Effect.map(mgmt.call(Wire.list, {}), (r) => r.templates ?? []),
    load: (id) => checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.load, { request: { id } }), template)),
    validate: (id, t) =>
      checked(
        [nonEmpty("id", id)],
        mgmt.call(Wire.validate, { request: t === undefined ? { id } : { id, template: t } })
      ),
    listLibrary: () => Effect.map(mgmt.call(Wire.listLibrary, {}), (r) => r.entries ?? []),
    loadLibraryEntry: (id) =>
      checked([nonEmpty("id", id)], Effect.map(mgmt.call(Wire.loadLibraryEntry, { request: { id } }), (r) => r.entry)),
    applyFromLibrary: (r) =>
      checked(
        [nonEmpty("libraryEntryId", r.libraryEntryId)],
        Effect.map(mgmt.call(Wire.applyFromLibrary, { request: r }), template)
      )
  }
}
