/**
 * The synchronous signature check behind the Node verifier: `Verifier.makeNode`
 * registers its `verify` function here with the synchronous check it wraps, and
 * the session validator looks it up to skip the effect on its hot path. Only
 * that exact function is known: a verifier whose `verify` was replaced (or any
 * other verifier) takes the effect path.
 *
 * @internal
 */
import type { ImportedKey, Service } from "../core/Verifier.js"

/** A synchronous signature check: the answer of `Service["verify"]`, without the effect. */
export type VerifySync = (key: ImportedKey, signingInput: string, signature: string) => boolean

const syncVerifiers = new WeakMap<Service["verify"], VerifySync>()

/** Records that `verify` answers exactly what `verifySync` does. */
export const register = (verify: Service["verify"], verifySync: VerifySync): void => {
  syncVerifiers.set(verify, verifySync)
}

/**
 * The synchronous check of a verifier whose `verify` is exactly one that was
 * registered (same function, so same answers); `undefined` for any other.
 */
export const verifySyncOf = (service: Service): VerifySync | undefined => syncVerifiers.get(service.verify)
