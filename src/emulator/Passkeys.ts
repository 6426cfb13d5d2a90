/**
 * The emulator's passkeys: the WebAuthn credentials registered by sign-up and
 * update ceremonies (their COSE public key and sign counter), and the
 * ceremonies in progress (a start's challenge, origin and RP id, until its
 * finish). The management routes `listPasskeys`, `removePasskey` and
 * `removeAllPasskeys` read and change the same store; `/emulator/reset`
 * empties it with the rest of the project.
 *
 * @since 0.2.0
 */
import type { PendingSignUp, ProjectState } from "./EmulatorState.js"
import { perProject } from "./mgmt/AreaState.js"

/**
 * A registered credential.
 *
 * @since 0.2.0
 * @category models
 */
export interface Passkey {
  /** The credential id (base64url). */
  readonly id: string
  readonly userId: string
  /** The WebAuthn user handle the credential was created for (base64url). */
  readonly userHandle: string
  /** The COSE public key, as registered. */
  readonly publicKey: Uint8Array
  readonly rpId: string
  readonly displayName: string
  /** Epoch seconds. */
  readonly createdTime: number
  signCount: number
}

/**
 * A ceremony in progress: what its finish must prove.
 *
 * @since 0.2.0
 * @category models
 */
export interface Transaction {
  readonly id: string
  readonly kind: "signup" | "signin" | "update"
  /** The challenge (base64url) the client data must carry. */
  readonly challenge: string
  readonly origin: string
  readonly rpId: string
  readonly loginId: string
  /** The user handle (base64url) of a registration. */
  readonly userHandle: string
  /** The existing user of a sign-in or an update. */
  readonly userId?: string | undefined
  /** The user a sign-up creates. */
  readonly signUp?: PendingSignUp | undefined
  readonly displayName: string
  readonly loginOptions: Record<string, unknown>
  /** The session a `stepup` / `mfa` sign-in (or an `mfa` update) extends. */
  readonly previousSessionId?: string | undefined
  readonly mfa: boolean
  readonly userVerification: boolean
  readonly expiresAt: number
}

interface Store {
  readonly passkeys: Map<string, Passkey>
  /** Credential ids by user id (a user's list is read without scanning every passkey). */
  readonly byUser: Map<string, Set<string>>
  readonly transactions: Map<string, Transaction>
}

const store = perProject<Store>(() => ({ passkeys: new Map(), byUser: new Map(), transactions: new Map() }))

/**
 * The passkeys of a user, oldest first.
 *
 * @since 0.2.0
 * @category queries
 */
export const ofUser = (p: ProjectState, userId: string): ReadonlyArray<Passkey> => {
  const s = store(p)
  const ids = s.byUser.get(userId)
  return ids === undefined ? [] : [...ids].flatMap((id) => {
    const k = s.passkeys.get(id)
    return k === undefined ? [] : [k]
  })
}

/**
 * A registered credential by id, when its user still exists.
 *
 * @since 0.2.0
 * @category queries
 */
export const byId = (p: ProjectState, id: string): Passkey | undefined => {
  const k = store(p).passkeys.get(id)
  return k !== undefined && p.users.has(k.userId) ? k : undefined
}

/**
 * Registers a credential.
 *
 * @since 0.2.0
 * @category actions
 */
export const add = (p: ProjectState, passkey: Passkey): void => {
  const s = store(p)
  s.passkeys.set(passkey.id, passkey)
  const ids = s.byUser.get(passkey.userId) ?? new Set<string>()
  ids.add(passkey.id)
  s.byUser.set(passkey.userId, ids)
}

/**
 * Removes a user's passkeys (one by credential id, or all); answers how many were removed.
 *
 * @since 0.2.0
 * @category actions
 */
export const remove = (p: ProjectState, userId: string, credentialId?: string): number => {
  const s = store(p)
  const ids = s.byUser.get(userId)
  let removed = 0
  for (const id of [...(ids ?? [])]) {
    if (credentialId === undefined || id === credentialId) {
      s.passkeys.delete(id)
      ids?.delete(id)
      removed++
    }
  }
  return removed
}

/**
 * Records a ceremony in progress.
 *
 * @since 0.2.0
 * @category actions
 */
export const begin = (p: ProjectState, t: Transaction): void => {
  store(p).transactions.set(t.id, t)
}

/**
 * Takes a ceremony out of the store (a finish consumes its start, whatever its outcome);
 * `undefined` when unknown or expired.
 *
 * @since 0.2.0
 * @category actions
 */
export const take = (p: ProjectState, id: string, now: number): Transaction | undefined => {
  const s = store(p)
  const t = s.transactions.get(id)
  s.transactions.delete(id)
  for (const [k, v] of s.transactions) if (v.expiresAt <= now) s.transactions.delete(k)
  return t !== undefined && t.expiresAt > now ? t : undefined
}
