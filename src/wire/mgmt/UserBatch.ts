/**
 * User batches: create (and invite) several users, patch several users,
 * delete several users, import users exported from another system. A batch
 * answers the users it could not create or patch next to those it did.
 *
 * @since 0.2.0
 */
import * as Schema from "effect/Schema"
import { lazy } from "../../internal/lazySchema.js"
import * as Endpoint from "../Endpoint.js"
import { Bool, Num, opt, optional, Secret, Strings } from "../Fields.js"
import { inviteFields, patchFields, User, userFields } from "./User.js"

const hash = { hash: Schema.String }

/**
 * A pre-hashed password (§11.10): one member, named after its algorithm.
 *
 * @since 0.2.0
 * @category schemas
 */
export const HashedPassword = lazy(() =>
  Schema.Struct({
    bcrypt: optional(Schema.Struct(hash)),
    pbkdf2: optional(Schema.Struct({ ...hash, salt: Schema.String, iterations: Num, type: Schema.String })),
    firebase: optional(Schema.Struct({
      ...hash,
      salt: Schema.String,
      saltSeparator: Schema.String,
      signerKey: Schema.String,
      memory: Num,
      rounds: Num
    })),
    django: optional(Schema.Struct(hash)),
    phpass: optional(Schema.Struct({ ...hash, salt: Schema.String, iterations: Num, type: Schema.String })),
    md5: optional(Schema.Struct(hash))
  })
)

/**
 * One user of a create (or invite) batch: the user fields, a login id
 * (`loginIdOrUserId` is node-sdk's input name for it), a cleartext password,
 * a pre-hashed one, a TOTP seed. An element without a login id is a failure
 * of its own, not of the batch.
 *
 * @since 0.2.0
 * @category schemas
 */
export const BatchUser = lazy(() =>
  Schema.Struct({
    loginId: optional(Schema.String),
    loginIdOrUserId: optional(Schema.String),
    ...userFields,
    password: optional(Secret),
    hashedPassword: optional(HashedPassword),
    seed: optional(Secret)
  })
)

/**
 * One element of a patch batch (a patch body; without a user, a failure of its own).
 *
 * @since 0.2.0
 * @category schemas
 */
export const BatchPatch = lazy(() =>
  Schema.Struct({
    loginId: optional(Schema.String),
    loginIdOrUserId: optional(Schema.String),
    ...patchFields
  })
)

/**
 * The user of a batch failure: what was sent, echoed back as a user that was
 * never created, so its `userId` may be empty or absent.
 *
 * @since 0.2.0
 * @category schemas
 */
export const FailedBatchUser = lazy(() => Schema.Struct({ ...User.fields, userId: opt(Schema.String) }))

/**
 * @since 0.2.0
 * @category models
 */
export type FailedBatchUser = typeof FailedBatchUser.Type

/**
 * A user that a batch could not create or patch, and why.
 *
 * @since 0.2.0
 * @category schemas
 */
export const BatchFailure = lazy(() =>
  Schema.Struct({
    failure: opt(Schema.String),
    user: opt(FailedBatchUser)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type BatchFailure = typeof BatchFailure.Type

const additionalErrors = opt(lazy(() => Schema.Record({ key: Schema.String, value: Schema.String })))

/**
 * The answer of a create (or invite) batch.
 *
 * @since 0.2.0
 * @category schemas
 */
export const BatchResponse = lazy(() =>
  Schema.Struct({
    createdUsers: opt(Schema.Array(User)),
    failedUsers: opt(Schema.Array(BatchFailure)),
    additionalErrors
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type BatchResponse = typeof BatchResponse.Type

/**
 * The answer of a patch batch.
 *
 * @since 0.2.0
 * @category schemas
 */
export const PatchBatchResponse = lazy(() =>
  Schema.Struct({
    patchedUsers: opt(Schema.Array(User)),
    failedUsers: opt(Schema.Array(BatchFailure)),
    additionalErrors
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type PatchBatchResponse = typeof PatchBatchResponse.Type

/**
 * A user an import could not import, with the reason.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ImportFailure = lazy(() =>
  Schema.Struct({
    user: opt(Schema.String),
    reason: opt(Schema.String)
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ImportFailure = typeof ImportFailure.Type

/**
 * The answer of an import.
 *
 * @since 0.2.0
 * @category schemas
 */
export const ImportResponse = lazy(() =>
  Schema.Struct({
    users: opt(Schema.Array(User)),
    failures: opt(Schema.Array(ImportFailure))
  })
)

/**
 * @since 0.2.0
 * @category models
 */
export type ImportResponse = typeof ImportResponse.Type

/**
 * `POST /v1/mgmt/user/create/batch` (also `inviteBatch`, with `invite: true`).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const createBatch = Endpoint.post("mgmt.user.createBatch", "/v1/mgmt/user/create/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ users: Schema.Array(BatchUser), ...inviteFields })),
  response: BatchResponse,
  bucket: "mgmt.user.create",
  description: "Creates (with invite: true, invites) several users"
})

/**
 * `PATCH /v1/mgmt/user/patch/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const patchBatch = Endpoint.patch("mgmt.user.patchBatch", "/v1/mgmt/user/patch/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ users: Schema.Array(BatchPatch) })),
  response: PatchBatchResponse,
  description: "Patches several users (only the given fields of each change)"
})

/**
 * `POST /v1/mgmt/user/delete/batch`.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const deleteBatch = Endpoint.post("mgmt.user.deleteBatch", "/v1/mgmt/user/delete/batch", {
  credential: "management",
  request: lazy(() => Schema.Struct({ userIds: optional(Strings) })),
  response: Endpoint.Empty,
  description: "Deletes several users by user id"
})

/**
 * `POST /v1/mgmt/user/import`: `users` is the exported JSON (text, or base64
 * of its bytes), `hashes` the exported password hashes (a secret).
 *
 * @since 0.2.0
 * @category endpoints
 */
export const importUsers = Endpoint.post("mgmt.user.importUsers", "/v1/mgmt/user/import", {
  credential: "management",
  request: lazy(() =>
    Schema.Struct({
      source: Schema.String,
      users: optional(Schema.String),
      hashes: optional(Secret),
      dryrun: optional(Bool)
    })
  ),
  response: ImportResponse,
  description: "Imports users (and password hashes) exported from another system; dryrun persists nothing"
})
