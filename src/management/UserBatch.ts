/**
 * User batches in `client.mgmt.user`: create (and invite) several users,
 * patch several users, delete several users, and import users exported from
 * another system. A batch answers the users it could not create or patch
 * next to those it did.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { UserStatus } from "../core/User.js"
import {
  checked,
  nonEmpty,
  nonEmptyBatch,
  nonEmptyList,
  optionalEmail,
  redacted,
  type Secret
} from "../internal/validate.js"
import * as Wire from "../wire/mgmt/UserBatch.js"
import type { ManagementError, ManagementHttp } from "./ManagementHttp.js"
import { type PatchOptions, userChecks, type UserFields } from "./UserCrud.js"

/**
 * A pre-hashed password (§11.10): exactly one algorithm member.
 *
 * @since 0.1.0
 * @category models
 */
export type HashedPassword =
  | { readonly bcrypt: { readonly hash: string } }
  | {
    readonly pbkdf2: {
      readonly hash: string
      readonly salt: string
      readonly iterations: number
      readonly type: "sha1" | "sha256" | "sha512"
    }
  }
  | {
    readonly firebase: {
      readonly hash: string
      readonly salt: string
      readonly saltSeparator: string
      readonly signerKey: string
      readonly memory: number
      readonly rounds: number
    }
  }
  | { readonly django: { readonly hash: string } }
  | {
    readonly phpass: {
      readonly hash: string
      readonly salt: string
      readonly iterations: number
      readonly type: "md5" | "sha512"
    }
  }
  | { readonly md5: { readonly hash: string } }

/**
 * One user of `createBatch` / `inviteBatch`.
 *
 * @since 0.1.0
 * @category models
 */
export interface BatchUser extends UserFields {
  /** A cleartext password. */
  readonly password?: Secret | undefined
  /** A pre-hashed password. */
  readonly hashedPassword?: HashedPassword | undefined
  /** A TOTP seed. */
  readonly seed?: Secret | undefined
  readonly status?: UserStatus | undefined
  readonly test?: boolean | undefined
}

/**
 * Options of `inviteBatch`.
 *
 * @since 0.1.0
 * @category models
 */
export interface InviteBatchOptions {
  readonly users: ReadonlyArray<BatchUser>
  readonly inviteUrl?: string | undefined
  readonly sendMail?: boolean | undefined
  /** `sendSMS` on the wire. */
  readonly sendSms?: boolean | undefined
  readonly templateOptions?: Readonly<Record<string, string>> | undefined
  readonly templateId?: string | undefined
  readonly locale?: string | undefined
}

/**
 * Options of `importUsers`. A text payload is sent as it is (node-sdk); bytes
 * are sent base64-encoded (python-sdk), which is how Descope reads them.
 *
 * @since 0.1.0
 * @category models
 */
export interface ImportUsersOptions {
  /** The source system, e.g. `"auth0"`. */
  readonly source: string
  /** The exported users. */
  readonly users?: string | Uint8Array | undefined
  /** The exported password hashes (secret). */
  readonly hashes?: Redacted.Redacted<string> | string | Uint8Array | undefined
  /** Validate only; persist nothing (default false). */
  readonly dryrun?: boolean | undefined
}

/**
 * User batches, part of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category models
 */
export interface UserBatchApi {
  /** Creates users in a batch and invites them. */
  readonly inviteBatch: (options: InviteBatchOptions) => Effect.Effect<Wire.BatchResponse, ManagementError>
  /** Creates users in a batch (node-sdk `createBatch`; no invitation). */
  readonly createBatch: (users: ReadonlyArray<BatchUser>) => Effect.Effect<Wire.BatchResponse, ManagementError>
  /**
   * Patches several users in one request (`PATCH /v1/mgmt/user/patch/batch`):
   * each element is a `patch` body (only its given fields change); `test`
   * marks them all as test users (python-sdk).
   */
  readonly patchBatch: (options: {
    readonly users: ReadonlyArray<PatchOptions>
    readonly test?: boolean | undefined
  }) => Effect.Effect<Wire.PatchBatchResponse, ManagementError>
  /** Deletes users by user id (node-sdk `deleteBatch`). */
  readonly deleteBatch: (userIds: ReadonlyArray<string>) => Effect.Effect<void, ManagementError>
  /** Imports users (and password hashes) exported from another system (`POST /v1/mgmt/user/import`). */
  readonly importUsers: (options: ImportUsersOptions) => Effect.Effect<Wire.ImportResponse, ManagementError>
}

/** A batch user with its secrets as `Redacted` (they stay so up to the request body). */
const batchUser = (u: BatchUser) => ({
  ...u,
  password: u.password === undefined ? undefined : redacted(u.password),
  seed: u.seed === undefined ? undefined : redacted(u.seed)
})

/** An import payload: text as it is, bytes base64-encoded. */
const payload = (value: string | Uint8Array): string =>
  typeof value === "string" ? value : Buffer.from(value).toString("base64")

const hashesOf = (hashes: ImportUsersOptions["hashes"]): Redacted.Redacted<string> | undefined =>
  hashes === undefined
    ? undefined
    : Redacted.isRedacted(hashes)
    ? hashes
    : Redacted.make(payload(hashes))

const batchChecks = (users: ReadonlyArray<BatchUser>) => [
  nonEmptyList("users", users.map((u) => u.loginId)),
  ...users.map((u) => optionalEmail("email", u.email))
]

/**
 * Builds the user batches of `client.mgmt.user`.
 *
 * @since 0.2.0
 * @category constructors
 */
export const make = (mgmt: ManagementHttp): UserBatchApi => ({
  inviteBatch: (o) =>
    checked(
      batchChecks(o.users),
      mgmt.call(Wire.createBatch, {
        request: { ...o, users: o.users.map(batchUser), invite: true },
        operation: "mgmt.user.inviteBatch"
      })
    ),
  createBatch: (users) =>
    checked(batchChecks(users), mgmt.call(Wire.createBatch, { request: { users: users.map(batchUser) } })),
  patchBatch: (o) =>
    checked(
      [nonEmptyBatch("users", o.users), ...o.users.flatMap(userChecks)],
      mgmt.call(Wire.patchBatch, {
        request: { users: o.users.map((u) => ({ ...u, test: o.test === true || u.test === true ? true : undefined })) }
      })
    ),
  deleteBatch: (userIds) =>
    checked([nonEmptyList("userIds", userIds)], Effect.asVoid(mgmt.call(Wire.deleteBatch, { request: { userIds } }))),
  importUsers: (o) =>
    checked(
      [nonEmpty("source", o.source)],
      mgmt.call(Wire.importUsers, {
        request: {
          source: o.source,
          users: o.users === undefined ? undefined : payload(o.users),
          hashes: hashesOf(o.hashes),
          dryrun: o.dryrun ?? false
        }
      })
    )
})
