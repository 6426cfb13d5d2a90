/**
 * The emulator's project-wide settings endpoints: the license handshake
 * (`src/wire/mgmt/License.ts`, always the `free` tier) and the password
 * settings of the project or a tenant (`src/wire/mgmt/Password.ts`: the
 * emulator's password policy, then the project's settings, then the tenant's).
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as License from "../../wire/mgmt/License.js"
import * as Password from "../../wire/mgmt/Password.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"

/**
 * The password settings of a tenant (the project's for `""`).
 *
 * @since 0.2.0
 * @category queries
 */
export const passwordSettingsOf = (ctx: Ctx, tenantId: string): Password.PasswordSettings => {
  const d = ctx.env.config.passwordPolicy
  return {
    enabled: true,
    minLength: d.minLength,
    lowercase: d.lowercase,
    uppercase: d.uppercase,
    number: d.number,
    nonAlphaNumeric: d.nonAlphanumeric,
    expiration: false,
    expirationWeeks: 0,
    reuse: false,
    reuseAmount: 0,
    lock: false,
    lockAttempts: 0,
    ...ctx.p.passwordSettings.get(""),
    ...(tenantId !== "" ? ctx.p.passwordSettings.get(tenantId) : {})
  }
}

/**
 * The license and password settings routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(License.get, () => Effect.succeed({ rateLimitTier: "free" })),
  H.endpoint(Password.getSettings, (ctx, q) => Effect.succeed(passwordSettingsOf(ctx, q.tenantId ?? ""))),
  H.endpoint(Password.configureSettings, (ctx, { tenantId = "", ...settings }) =>
    Effect.sync(() => {
      ctx.p.passwordSettings.set(tenantId, { ...ctx.p.passwordSettings.get(tenantId), ...settings })
      return {}
    }))
]
