/**
 * The emulator's custom attribute schema (`src/wire/mgmt/CustomAttribute.ts`):
 * attributes are kept as sent, by name (creating an existing name replaces
 * it); every call answers the whole schema.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Wire from "../../wire/mgmt/CustomAttribute.js"
import * as H from "../Handler.js"
import type { Route } from "../Handler.js"

/**
 * The custom attribute routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(Wire.getCustomAttributes, (ctx) => Effect.succeed({ data: ctx.p.customAttributeDefs })),
  H.endpoint(Wire.createCustomAttributes, (ctx, b) =>
    Effect.sync(() => {
      for (const a of b.attributes) {
        const name = a.name
        if (name === undefined || name === null) continue
        ctx.p.customAttributeDefs = [...ctx.p.customAttributeDefs.filter((d) => d.name !== name), { ...a }]
      }
      return { data: ctx.p.customAttributeDefs }
    })),
  H.endpoint(Wire.deleteCustomAttributes, (ctx, b) =>
    Effect.sync(() => {
      const names = b.names ?? []
      ctx.p.customAttributeDefs = ctx.p.customAttributeDefs.filter((d) => !names.includes(String(d.name)))
      return { data: ctx.p.customAttributeDefs }
    }))
]
