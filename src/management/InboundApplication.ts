/**
 * `client.mgmt.inboundApplication` (node-sdk's `management.inboundApplication`):
 * third-party applications your users grant access to, their secrets
 * (`Redacted`) and the consents users gave them; `searchConsents` is also a
 * `Stream` over every page (`consents`), waiting out rate limits.
 *
 * @since 0.2.0
 */
import * as Chunk from "effect/Chunk"
import * as Effect from "effect/Effect"
import * as Option from "effect/Option"
import type * as Redacted from "effect/Redacted"
import * as Stream from "effect/Stream"
import { InvalidArgumentError } from "../core/DescopeError.js"
import { pageRetry } from "../internal/pageRetry.js"
import { checked, nonEmpty, nonEmptyList, nonNegativeInt, someSelected } from "../internal/validate.js"
import * as Wire from "../wire/mgmt/InboundApplication.js"
import * as ConsentWire from "../wire/mgmt/InboundApplicationConsent.js"
import * as SecretWire from "../wire/mgmt/InboundApplicationSecret.js"
import type * as SsoWire from "../wire/mgmt/SsoApplication.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"

/**
 * An inbound application.
 *
 * @since 0.2.0
 * @category schemas
 */
export const InboundApplication = Wire.InboundApplication

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplication = Wire.InboundApplication

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplicationOptions = Wire.ApplicationOptions

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplicationConsent = ConsentWire.Consent

/**
 * An application's secret.
 *
 * @since 0.2.0
 * @category models
 */
export interface InboundApplicationSecret {
  readonly cleartext: Redacted.Redacted<string>
}

/**
 * What `createApplication` answers: the ids and the secret.
 *
 * @since 0.2.0
 * @category models
 */
export interface CreatedInboundApplication extends InboundApplicationSecret {
  readonly id: string
  readonly clientId: string
}

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplicationOptionsV2 = Wire.ApplicationOptionsV2

/**
 * @since 0.2.0
 * @category models
 */
export type InboundApplicationV2 = Wire.InboundApplicationV2

/**
 * The metadata of an added secret.
 *
 * @since 0.2.0
 * @category models
 */
export type ApplicationSecretMeta = SecretWire.SecretMeta

/**
 * What `createApplicationV2` answers.
 *
 * @since 0.2.0
 * @category models
 */
export interface CreatedInboundApplicationV2 extends InboundApplicationSecret {
  readonly id: string
  readonly clientId?: string | null | undefined
}

/**
 * An added secret: its metadata and its cleartext.
 *
 * @since 0.2.0
 * @category models
 */
export interface AddedApplicationSecret extends InboundApplicationSecret {
  readonly meta?: ApplicationSecretMeta | null | undefined
}

/**
 * go-sdk's further secrets of an application, by name, so that clients move
 * to a new secret before the first is rotated or revoked; shared by
 * third-party applications and SSO applications.
 *
 * @since 0.2.0
 * @category models
 */
export interface AddedSecretsApi {
  /** go-sdk's `AddApplicationSecret`: a further secret, by name (`expireTime` in epoch seconds, 0: never). */
  readonly addApplicationSecret: (
    id: string,
    name: string,
    expireTime?: number | undefined
  ) => Effect.Effect<AddedApplicationSecret, ManagementError>
  /** go-sdk's `RevokeApplicationSecret`: revokes an added secret; answers the secrets left. */
  readonly revokeApplicationSecret: (
    id: string,
    name: string
  ) => Effect.Effect<ReadonlyArray<ApplicationSecretMeta>, ManagementError>
}

/**
 * The filters of a consent search (`page` from 0).
 *
 * @since 0.2.0
 * @category models
 */
export interface ConsentSearchOptions {
  readonly appId?: string | undefined
  readonly userId?: string | undefined
  readonly consentId?: string | undefined
  readonly tenantId?: string | undefined
  readonly page?: number | undefined
  readonly limit?: number | undefined
}

/**
 * `client.mgmt.inboundApplication`.
 *
 * @since 0.2.0
 * @category models
 */
export interface InboundApplicationApi extends AddedSecretsApi {
  /** Creates an application; answers its id, client id and secret. */
  readonly createApplication: (
    options: InboundApplicationOptions
  ) => Effect.Effect<CreatedInboundApplication, ManagementError>
  /** Replaces every field of the application of `options.id`. */
  readonly updateApplication: (
    options: InboundApplicationOptions & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** Changes only the fields given of the application of `options.id`. */
  readonly patchApplication: (
    options: Partial<InboundApplicationOptions> & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** Deletes an application. */
  readonly deleteApplication: (id: string) => Effect.Effect<void, ManagementError>
  /** Deletes several applications. */
  readonly deleteApplicationBatch: (ids: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Loads an application. */
  readonly loadApplication: (id: string) => Effect.Effect<InboundApplication, ManagementError>
  /** Loads every application. */
  readonly loadAllApplications: () => Effect.Effect<ReadonlyArray<InboundApplication>, ManagementError>
  /** An application's secret (or, by `secretName`, one of its added secrets: go-sdk's `RevealApplicationSecret`). */
  readonly getApplicationSecret: (
    id: string,
    secretName?: string | undefined
  ) => Effect.Effect<InboundApplicationSecret, ManagementError>
  /** go-sdk's `CreateApplication` (`/v2`): creates an application; answers its id and secret. */
  readonly createApplicationV2: (
    options: InboundApplicationOptionsV2 & { readonly id?: string | undefined }
  ) => Effect.Effect<CreatedInboundApplicationV2, ManagementError>
  /** go-sdk's `UpdateApplication` (`/v2`): replaces every field of the application of `options.id`. */
  readonly updateApplicationV2: (
    options: InboundApplicationOptionsV2 & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** go-sdk's `PatchApplication` (`/v2`): changes only the fields given. */
  readonly patchApplicationV2: (
    options: Partial<InboundApplicationOptionsV2> & { readonly id: string }
  ) => Effect.Effect<void, ManagementError>
  /** go-sdk's `LoadApplication` (`/v2`). */
  readonly loadApplicationV2: (id: string) => Effect.Effect<InboundApplicationV2, ManagementError>
  /** go-sdk's `LoadAllApplications` (`/v2`): a page of applications (`page` from 0) and the total. */
  readonly loadAllApplicationsV2: (
    options?: { readonly page?: number | undefined; readonly limit?: number | undefined } | undefined
  ) => Effect.Effect<
    { readonly apps: ReadonlyArray<InboundApplicationV2>; readonly total: number },
    ManagementError
  >
  /** Replaces an application's secret; answers the new one. */
  readonly rotateApplicationSecret: (id: string) => Effect.Effect<InboundApplicationSecret, ManagementError>
  /** One page of consents. */
  readonly searchConsents: (
    options?: ConsentSearchOptions
  ) => Effect.Effect<ReadonlyArray<InboundApplicationConsent>, ManagementError>
  /** Every matching consent, page after page (`pageSize` per request, default 100). */
  readonly streamConsents: (
    options?: Omit<ConsentSearchOptions, "page" | "limit"> & { readonly pageSize?: number | undefined }
  ) => Stream.Stream<InboundApplicationConsent, ManagementError>
  /**
   * Deletes consents by id, and / or of an application, of users, of a tenant. At least one of `consentIds`,
   * `appId` and `userIds` is required: none would select every consent.
   */
  readonly deleteConsents: (options: {
    readonly consentIds?: ReadonlyArray<string> | undefined
    readonly appId?: string | undefined
    readonly userIds?: ReadonlyArray<string> | undefined
    readonly tenantId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
  /** Deletes a tenant's consents (optionally only of an application, or only these). */
  readonly deleteTenantConsents: (options: {
    readonly tenantId: string
    readonly consentIds?: ReadonlyArray<string> | undefined
    readonly appId?: string | undefined
  }) => Effect.Effect<void, ManagementError>
}

/**
 * The {@link AddedSecretsApi} over a pair of added-secret endpoints (third-party or SSO applications: the
 * same wire, other paths).
 *
 * @since 0.2.0
 * @category constructors
 */
export const addedSecrets = (
  mgmt: ManagementHttp,
  endpoints: {
    readonly add: typeof SecretWire.addApplicationSecret | typeof SsoWire.addApplicationSecret
    readonly revoke: typeof SecretWire.revokeApplicationSecret | typeof SsoWire.revokeApplicationSecret
  }
): AddedSecretsApi => ({
  addApplicationSecret: (id, name, expireTime) =>
    checked(
      [nonEmpty("id", id), nonEmpty("name", name), nonNegativeInt("expireTime", expireTime)],
      mgmt.call(endpoints.add, { request: { id, name, expireTime: expireTime ?? 0 } })
    ),
  revokeApplicationSecret: (id, name) =>
    checked(
      [nonEmpty("id", id), nonEmpty("name", name)],
      Effect.map(mgmt.call(endpoints.revoke, { request: { id, name } }), (r) => r.secrets ?? [])
    )
})

const DEFAULT_PAGE_SIZE = 100

/**
 * Builds `client.mgmt.inboundApplication`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): InboundApplicationApi => {
  const byId = (id: string) => [nonEmpty("id", id)]
  const consents = (r: { readonly consents?: ReadonlyArray<InboundApplicationConsent> | null | undefined }) =>
    r.consents ?? []
  return {
    createApplication: (o) => checked([nonEmpty("name", o.name)], mgmt.call(Wire.createApplication, { request: o })),
    updateApplication: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("name", o.name)],
        Effect.asVoid(mgmt.call(Wire.updateApplication, { request: o }))
      ),
    patchApplication: (o) =>
      checked(
        [nonEmpty("id", o.id), ...(o.name !== undefined ? [nonEmpty("name", o.name)] : [])],
        Effect.asVoid(mgmt.call(Wire.patchApplication, { request: o }))
      ),
    deleteApplication: (id) => checked(byId(id), Effect.asVoid(mgmt.call(Wire.deleteApplication, { request: { id } }))),
    deleteApplicationBatch: (ids) =>
      checked([nonEmptyList("ids", ids)], Effect.asVoid(mgmt.call(Wire.deleteApplicationBatch, { request: { ids } }))),
    loadApplication: (id) => checked(byId(id), mgmt.call(Wire.loadApplication, { request: { id } })),
    loadAllApplications: () => Effect.map(mgmt.call(Wire.loadAllApplications, {}), (r) => r.apps ?? []),
    getApplicationSecret: (id, secretName) =>
      checked(byId(id), mgmt.call(SecretWire.getApplicationSecret, { request: { id, secretName } })),
    createApplicationV2: (o) =>
      checked([nonEmpty("name", o.name)], mgmt.call(Wire.createApplicationV2, { request: o })),
    updateApplicationV2: (o) =>
      checked(
        [nonEmpty("id", o.id), nonEmpty("name", o.name)],
        Effect.asVoid(mgmt.call(Wire.updateApplicationV2, { request: o }))
      ),
    patchApplicationV2: (o) =>
      checked(
        [nonEmpty("id", o.id), ...(o.name !== undefined ? [nonEmpty("name", o.name)] : [])],
        Effect.asVoid(mgmt.call(Wire.patchApplicationV2, { request: o }))
      ),
    loadApplicationV2: (id) => checked(byId(id), mgmt.call(Wire.loadApplicationV2, { request: { id } })),
    loadAllApplicationsV2: (o = {}) =>
      checked(
        [nonNegativeInt("page", o.page), nonNegativeInt("limit", o.limit)],
        Effect.map(
          mgmt.call(Wire.loadAllApplicationsV2, { request: { page: o.page ?? 0, limit: o.limit ?? 0 } }),
          (r) => ({ apps: r.apps ?? [], total: r.total ?? 0 })
        )
      ),
    ...addedSecrets(mgmt, { add: SecretWire.addApplicationSecret, revoke: SecretWire.revokeApplicationSecret }),
    rotateApplicationSecret: (id) =>
      checked(byId(id), mgmt.call(SecretWire.rotateApplicationSecret, { request: { id } })),
    searchConsents: (o = {}) =>
      checked(
        [nonNegativeInt("page", o.page), nonNegativeInt("limit", o.limit)],
        Effect.map(mgmt.call(ConsentWire.searchConsents, { request: o }), consents)
      ),
    streamConsents: (o = {}) => {
      const { pageSize = DEFAULT_PAGE_SIZE, ...filters } = o
      if (!Number.isInteger(pageSize) || pageSize < 1) {
        return Stream.fail(new InvalidArgumentError({ field: "pageSize", reason: "must be a positive integer" }))
      }
      const fetchPage = (page: number) =>
        mgmt.call(ConsentWire.searchConsents, {
          request: { ...filters, page, limit: pageSize },
          operation: "mgmt.inboundApplication.streamConsents"
        }).pipe(Effect.retry(pageRetry))
      return Stream.paginateChunkEffect(0, (n) =>
        Effect.map(fetchPage(n), (r) => {
          const found = consents(r)
          const seen = n * pageSize + found.length
          const last = found.length < pageSize || (r.total != null && seen >= r.total)
          return [Chunk.fromIterable(found), last ? Option.none() : Option.some(n + 1)] as const
        }))
    },
    deleteConsents: (o) =>
      checked(
        [
          o.appId !== undefined && o.appId.trim() !== ""
            ? Effect.void
            : someSelected([["consentIds", o.consentIds], ["userIds", o.userIds]])
        ],
        Effect.asVoid(mgmt.call(ConsentWire.deleteConsents, { request: o }))
      ),
    deleteTenantConsents: (o) =>
      checked(
        [nonEmpty("tenantId", o.tenantId)],
        Effect.asVoid(mgmt.call(ConsentWire.deleteTenantConsents, { request: o }))
      )
  }
}
