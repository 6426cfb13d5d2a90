/**
 * What the framework examples share: the answer of a sign-in done through
 * the Promise client (its `Set-Cookie` values, or the error's status and body
 * by `HttpErrors`: a wrong code is 401 with Descope's error code).
 *
 * @since 0.2.0
 */
import * as Redacted from "effect/Redacted"
import type { AuthenticationError } from "../src/auth/LoginOptions.js"
import type { AuthenticationInfo } from "../src/core/AuthenticationInfo.js"
import * as HttpErrors from "../src/server/HttpErrors.js"
import * as ServerError from "../src/server/ServerError.js"

/**
 * A sign-in's answer.
 *
 * @since 0.2.0
 * @category models
 */
export interface SignInAnswer {
  readonly status: number
  readonly body: unknown
  readonly cookies: ReadonlyArray<string>
}

const TAGS = new Set(["InvalidArgumentError", "AuthError", "InvalidSessionError", "RateLimitError", "TransportError"])

/**
 * Runs a sign-in and answers it: 200 `{ userId }` with the session cookies, or the mapped error.
 *
 * @since 0.2.0
 * @category constructors
 */
export const signInAnswer = async (signIn: () => Promise<AuthenticationInfo>): Promise<SignInAnswer> => {
  try {
    const info = await signIn()
    return { status: 200, body: { userId: info.session.userId }, cookies: info.setCookies.map(Redacted.value) }
  } catch (error) {
    const tag = (error as { readonly _tag?: unknown })._tag
    if (typeof tag !== "string" || !TAGS.has(tag)) throw error
    const failure = HttpErrors.fromSignInError(error as AuthenticationError)
    return { status: ServerError.statusOf(failure), body: ServerError.bodyOf(failure), cookies: [] }
  }
}
