/**
 * The wire catalogue: every Descope endpoint the SDK knows, described once
 * (`Endpoint`), by area. The client sends with it, the emulator serves it,
 * the tests iterate it and `docs/COVERAGE.md` is generated from it. Find an
 * operation by its name: `mgmt.role.create` is `Wire.Mgmt.Role.create`.
 *
 * @since 0.2.0
 */
import type * as Endpoint from "./Endpoint.js"
import * as Authz from "./mgmt/Authz.js"
import * as CustomAttribute from "./mgmt/CustomAttribute.js"
import * as Fga from "./mgmt/Fga.js"
import * as Role from "./mgmt/Role.js"
import * as TestUser from "./mgmt/TestUser.js"
import * as User from "./mgmt/User.js"
import * as UserBatch from "./mgmt/UserBatch.js"
import * as UserCredentials from "./mgmt/UserCredentials.js"
import * as UserSearch from "./mgmt/UserSearch.js"
import * as UserUpdate from "./mgmt/UserUpdate.js"

/**
 * The management areas.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const Mgmt = {
  Role,
  User,
  UserUpdate,
  UserSearch,
  UserBatch,
  UserCredentials,
  TestUser,
  CustomAttribute,
  Fga,
  Authz
}

/**
 * The authentication areas.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const Auth = {}

const endpointsOf = (modules: Readonly<Record<string, Readonly<Record<string, unknown>>>>): Array<Endpoint.Endpoint.Any> =>
  Object.values(modules).flatMap((m) =>
    Object.values(m).filter((v): v is Endpoint.Endpoint.Any =>
      typeof v === "object" && v !== null && (v as { _tag?: unknown })._tag === "Endpoint"
    )
  )

/**
 * Every catalogued endpoint.
 *
 * @since 0.2.0
 * @category endpoints
 */
export const all: ReadonlyArray<Endpoint.Endpoint.Any> = [...endpointsOf(Auth), ...endpointsOf(Mgmt)]
