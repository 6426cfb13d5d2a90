/**
 * A project's users by login id: the one place that adds and removes users
 * and changes their login ids, keeping an index (lower-cased login id -> the
 * users holding it) in step, so that finding a user by login id, or telling
 * whether a login id is taken, reads the index instead of scanning every user.
 *
 * The index belongs to the project's `users` map: a reset or an import, which
 * gives the project a new map (`emptyProject`), starts a new index, built from
 * the map on first use. Everything that changes `users` or a held user's
 * `loginIds` goes through here.
 *
 * @since 0.2.0
 */
import type { ProjectState, UserRecord } from "./EmulatorState.js"

type Index = Map<string, Array<UserRecord>>

const indexes = new WeakMap<Map<string, UserRecord>, Index>()

const put = (index: Index, loginId: string, u: UserRecord): void => {
  const lower = loginId.toLowerCase()
  const holders = index.get(lower)
  if (holders === undefined) index.set(lower, [u])
  else holders.push(u)
}

const take = (index: Index, loginId: string, u: UserRecord): void => {
  const lower = loginId.toLowerCase()
  const holders = index.get(lower)
  if (holders === undefined) return
  const i = holders.indexOf(u)
  if (i >= 0) holders.splice(i, 1)
  if (holders.length === 0) index.delete(lower)
}

const indexOf = (p: ProjectState): Index => {
  let index = indexes.get(p.users)
  if (index === undefined) {
    index = new Map()
    for (const u of p.users.values()) for (const l of u.loginIds) put(index, l, u)
    indexes.set(p.users, index)
  }
  return index
}

/** Whether `u` is the user the project holds under its id. */
const held = (p: ProjectState, u: UserRecord): boolean => p.users.get(u.userId) === u

/**
 * Adds a user to a project (replacing the user of the same id, if any).
 *
 * @since 0.2.0
 * @category actions
 */
export const addUser = (p: ProjectState, u: UserRecord): void => {
  const old = p.users.get(u.userId)
  if (old !== undefined) removeUser(p, old)
  const index = indexOf(p)
  p.users.set(u.userId, u)
  for (const l of u.loginIds) put(index, l, u)
}

/**
 * Removes a user from a project (nothing else: sessions and memberships are
 * `ManagementSupport.removeUser`'s business).
 *
 * @since 0.2.0
 * @category actions
 */
export const removeUser = (p: ProjectState, u: UserRecord): void => {
  if (!held(p, u)) return
  const index = indexOf(p)
  p.users.delete(u.userId)
  for (const l of u.loginIds) take(index, l, u)
}

/**
 * Sets a user's login ids (a new array), re-indexing them when the project
 * holds the user.
 *
 * @since 0.2.0
 * @category actions
 */
export const setLoginIds = (p: ProjectState, u: UserRecord, loginIds: ReadonlyArray<string>): void => {
  if (!held(p, u)) {
    u.loginIds = [...loginIds]
    return
  }
  const index = indexOf(p)
  for (const l of u.loginIds) take(index, l, u)
  u.loginIds = [...loginIds]
  for (const l of u.loginIds) put(index, l, u)
}

/**
 * The users holding a login id (case-insensitive), without a scan.
 *
 * @since 0.2.0
 * @category queries
 */
export const holders = (p: ProjectState, loginId: string): ReadonlyArray<UserRecord> =>
  indexOf(p).get(loginId.toLowerCase()) ?? []

/**
 * The user holding a login id (case-insensitive): the first of the project's
 * users that holds it, as a scan in the project's order would answer.
 *
 * @since 0.2.0
 * @category queries
 */
export const byLoginId = (p: ProjectState, loginId: string): UserRecord | undefined => {
  const found = holders(p, loginId)
  const first = found[0]
  if (first === undefined || found.every((u) => u === first)) return first
  // several users hold it (never made by the routes, which refuse a taken login id): the first in order
  for (const u of p.users.values()) if (found.includes(u)) return u
  return first
}

/**
 * How many distinct login ids (lower-cased) the project's index holds.
 *
 * @since 0.2.0
 * @category queries
 */
export const size = (p: ProjectState): number => indexOf(p).size
