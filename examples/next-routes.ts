/**
 * Example: Next.js route handlers with Descope sessions, through the Promise
 * client (`descope-effect/promise`) and the Next adapter
 * (`descope-effect/next`), written against the web `Request` / `Response`.
 * In a Next app each export goes in its `route.ts`:
 *
 * - `app/api/auth/otp/verify/route.ts`: `export const POST = verify`
 * - `app/api/me/route.ts`: `export const GET = me`
 * - `app/api/tenants/[tenantId]/settings/route.ts`: `export const GET = settings`
 *
 * (a module-level `const descope = createDescope({ projectId: process.env.DESCOPE_PROJECT_ID! })`
 * instead of `makeRoutes`).
 *
 * @since 0.2.0
 */
import { withDescope } from "../src/adapters/next.js"
import type { Descope } from "../src/promise/index.js"
import { signInAnswer } from "./signIn.js"

/**
 * The route handlers over a Promise client.
 *
 * @since 0.2.0
 * @category constructors
 */
export const makeRoutes = (descope: Descope) => ({
  start: async (request: Request): Promise<Response> => {
    const { email } = (await request.json()) as { readonly email: string }
    await descope.otp.signUpOrIn({ method: "email", loginId: email })
    return Response.json({ sent: true })
  },
  verify: async (request: Request): Promise<Response> => {
    const { code, email } = (await request.json()) as { readonly email: string; readonly code: string }
    const answer = await signInAnswer(() => descope.otp.verifyCode({ method: "email", loginId: email, code }))
    const headers = new Headers()
    for (const cookie of answer.cookies) headers.append("set-cookie", cookie)
    return Response.json(answer.body, { status: answer.status, headers })
  },
  me: withDescope(descope, (_request, { session }) => Response.json({ userId: session.userId }), { refresh: true }),
  admin: withDescope(descope, () => Response.json({ admin: true }), { refresh: true, require: { roles: ["admin"] } }),
  settings: withDescope(
    descope,
    (_request, { params }) => Response.json({ tenantId: params["tenantId"] }),
    { refresh: true, require: { tenantRoles: ["admin"], tenant: { path: "tenantId" } } }
  )
})
