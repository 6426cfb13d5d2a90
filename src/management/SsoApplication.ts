/**
 * `client.mgmt.ssoApplication`: Descope as an identity provider (node-sdk's
 * `management.ssoApplication`). OIDC, SAML and WS-Fed applications; an OIDC
 * application's client secret is answered `Redacted`.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import type * as Redacted from "effect/Redacted"
import { checked, nonEmpty, nonEmptyList } from "../internal/validate.js"
import type { CustomAttribute } from "../wire/mgmt/CustomAttribute.js"
import * as Wire from "../wire/mgmt/SsoApplication.js"
import * as Shapes from "../wire/mgmt/SsoApplicationSettings.js"
import * as Inbound from "./InboundApplication.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * An SSO application.
 *
 * @since 0.2.0
 * @category schemas
 */
export const SsoApplication = Shapes.SsoApplication

/**
 * @since 0.2.0
 * @category models
 */
export type SsoApplication = Shapes.SsoApplication

/**
 * @since 0.2.0
 * @category models
 */
export type OidcApplicationOptions = Shapes.OidcApplicationOptions

/**
 * @since 0.2.0
 * @category models
 */
export type SamlApplicationOptions = Shapes.SamlApplicationOptions

/**
 * @since 0.2.0
 * @category models
 */
export type WsFedApplicationOptions = Shapes.WsFedApplicationOptions

/**
 * An application's secret.
 *
 * @since 0.2.0
 * @category models
 */
export interface SsoApplicationSecret {
  readonly cleartext: Redacted.Redacted<string>
}

/**
 * `client.mgmt.ssoApplication`.
 *
 * @since 0.2.0
 * @category models
 */
export interface SsoApplicationApi extends Inbound.AddedSecretsApi {
  /** Creates an OIDC application (enabled unless `enabled: false`); answers its id. */
  readonly createOidcApplication: (
    options: OidcApplicationOptions
  ) => Effect.Effect<{ readonly id: string }, ManagementError>
  /** Creates a SAML application (enabled unless `enabled: false`); answers its id. */
  readonly createSamlApplication: (
    options: SamlApplicationOptions
  ) => Effect.Effect<{ readonly id: string }, ManagementError>
  /** Creates a WS-Fed application (enabled unless `enabled: false`); answers its id. */
  readonly createWsFedApplication: (
    options: WsFedApplicationOptions
  ) => Effect.Effect<{ readonly id: string }, ManagementError>
  /** Updates the OIDC application of `options.id`. */
  readonly updateOidcApplication: (
    options: OidcApplicationOptions & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** Updates the SAML application of `options.id`. */
  readonly updateSamlApplication: (
    options: SamlApplicationOptions & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** Updates the WS-Fed application of `options.id`. */
  readonly updateWsFedApplication: (
    options: WsFedApplicationOptions & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** Deletes an application. */
  readonly delete: (id: string) => Effect.Effect<void, ManagementError>
  /** Loads an application. */
  readonly load: (id: string) => Effect.Effect<SsoApplication, ManagementError>
  /** Loads every application. */
  readonly loadAll: () => Effect.Effect<ReadonlyArray<SsoApplication>, ManagementError>
  /** An OIDC application's client secret. */
  readonly getApplicationSecret: (id: string) => Effect.Effect<SsoApplicationSecret, ManagementError>
  /** Replaces an OIDC application's client secret; answers the new one. */
  readonly rotateApplicationSecret: (id: string) => Effect.Effect<SsoApplicationSecret, ManagementError>
  /** go-sdk's `LoadCustomAttributes`: the custom attributes SSO applications may map. */
  readonly loadCustomAttributes: () => Effect.Effect<ReadonlyArray<CustomAttribute>, ManagementError>
  /** go-sdk's `CreateCustomAttributes`; answers the attributes after. */
  readonly createCustomAttributes: (
    attributes: ReadonlyArray<CustomAttribute>
  ) => Effect.Effect<ReadonlyArray<CustomAttribute>, ManagementError>
  /** go-sdk's `DeleteCustomAttributes`, by name; answers the attributes after. */
  readonly deleteCustomAttributes: (
    names: ReadonlyArray<string>
  ) => Effect.Effect<ReadonlyArray<CustomAttribute>, ManagementError>
}

/**
 * The metadata of an added client secret.
 *
 * @since 0.2.0
 * @category models
 */
export type ApplicationSecretMeta = Inbound.ApplicationSecretMeta

/**
 * An added client secret: its metadata and its cleartext.
 *
 * @since 0.2.0
 * @category models
 */
export type AddedApplicationSecret = Inbound.AddedApplicationSecret

/**
 * Builds `client.mgmt.ssoApplication`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): SsoApplicationApi => {
  const named = (o: { readonly name: string }) => [nonEmpty("name", o.name)]
  const identified = (
    o: { readonly id: string; readonly name: string }
  ) => [nonEmpty("id", o.id), nonEmpty("name", o.name)]
  return {
    createOidcApplication: (o) =>
      checked(named(o), mgmt.call(Wire.createOidcApplication, { request: { ...o, enabled: o.enabled ?? true } })),
    createSamlApplication: (o) =>
      checked(named(o), mgmt.call(Wire.createSamlApplication, { request: { ...o, enabled: o.enabled ?? true } })),
    createWsFedApplication: (o) =>
      checked(named(o), mgmt.call(Wire.createWsFedApplication, { request: { ...o, enabled: o.enabled ?? true } })),
    updateOidcApplication: (o) =>
      checked(identified(o), Effect.asVoid(mgmt.call(Wire.updateOidcApplication, { request: o }))),
    updateSamlApplication: (o) =>
      checked(identified(o), Effect.asVoid(mgmt.call(Wire.updateSamlApplication, { request: o }))),
    updateWsFedApplication: (o) =>
      checked(identified(o), Effect.asVoid(mgmt.call(Wire.updateWsFedApplication, { request: o }))),
    delete: (id) => checked([nonEmpty("id", id)], Effect.asVoid(mgmt.call(Wire.delete, { request: { id } }))),
    load: (id) => checked([nonEmpty("id", id)], mgmt.call(Wire.load, { request: { id } })),
    loadAll: () => Effect.map(mgmt.call(Wire.loadAll, {}), (r) => r.apps ?? []),
    getApplicationSecret: (id) =>
      checked([nonEmpty("id", id)], mgmt.call(Wire.getApplicationSecret, { request: { id } })),
    rotateApplicationSecret: (id) =>
      checked([nonEmpty("id", id)], mgmt.call(Wire.rotateApplicationSecret, { request: { id } })),
    ...Inbound.addedSecrets(mgmt, { add: Wire.addApplicationSecret, revoke: Wire.revokeApplicationSecret }),
    loadCustomAttributes: () => Effect.map(mgmt.call(Wire.loadCustomAttributes, {}), (r) => r.data ?? []),
    createCustomAttributes: (attributes) =>
      checked(
        [nonEmptyList("attributes[].name", attributes.map((a) => a.name ?? ""))],
        Effect.map(
          mgmt.call(Wire.createCustomAttributes, { request: { attributes: [...attributes] } }),
          (r) => r.data ?? []
        )
      ),
    deleteCustomAttributes: (names) =>
      checked(
        [nonEmptyList("names", names)],
        Effect.map(mgmt.call(Wire.deleteCustomAttributes, { request: { names: [...names] } }), (r) => r.data ?? [])
      )
  }
}
