// INTERIM (removed by the sessions work before any release): a SessionValidator that rejects every token,
// so the client can be wired before the signing-key layers land.
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { InvalidSessionError } from "../core/DescopeError.js"
import { SessionValidator } from "../core/Session.js"

export const layer = Layer.succeed(SessionValidator, {
  validate: () => Effect.fail(new InvalidSessionError({ reason: "UnknownKey", description: "interim validator" }))
})
