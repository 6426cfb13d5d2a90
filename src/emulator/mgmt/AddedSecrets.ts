/**
 * go-sdk's added secrets of an application (third-party and SSO
 * applications): further secrets, by name, beside the application's own, so
 * that clients move to a new secret before the old one is rotated or revoked.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import type { SecretMeta } from "../../wire/mgmt/InboundApplicationSecret.js"
import { newId, newSecret } from "../Ids.js"
import * as W from "../Wire.js"
import type { WireError } from "../Wire.js"

/**
 * An application's added secrets, by name.
 *
 * @since 0.2.0
 * @category models
 */
export type AddedSecrets = Map<string, { readonly meta: SecretMeta; readonly cleartext: string }>

/**
 * Adds a secret (`expireTime` in epoch seconds, 0 or none: never); a name is used once.
 *
 * @since 0.2.0
 * @category actions
 */
export const add = (
  added: AddedSecrets,
  request: { readonly id: string; readonly name: string; readonly expireTime?: number | undefined },
  now: number
): Effect.Effect<{ readonly meta: SecretMeta; readonly cleartext: Redacted.Redacted<string> }, WireError> => {
  if (request.name.trim() === "") return W.missing("name")
  if (added.has(request.name)) return W.invalid(`application ${request.id} has a secret named ${request.name}`)
  const expireTime = request.expireTime !== undefined && request.expireTime > 0 ? Math.floor(request.expireTime) : 0
  const meta = { id: newId("SC", 16), name: request.name, createdTime: Math.floor(now / 1000), expireTime }
  const cleartext = newSecret(32)
  added.set(request.name, { meta, cleartext })
  return Effect.succeed({ meta, cleartext: Redacted.make(cleartext) })
}

/**
 * Revokes an added secret; answers the metadata of those left.
 *
 * @since 0.2.0
 * @category actions
 */
export const revoke = (
  added: AddedSecrets,
  request: { readonly id: string; readonly name: string }
): Effect.Effect<{ readonly secrets: Array<SecretMeta> }, WireError> =>
  added.delete(request.name)
    ? Effect.succeed({ secrets: [...added.values()].map((x) => x.meta) })
    : W.notFound(`secret ${request.name} of application ${request.id}`)
