/**
 * The emulator's flow runner (`src/wire/auth/Flow.ts`): one built-in flow,
 * `sign-up-or-in`, an OTP by e-mail driven through two screens, as a
 * Descope-hosted flow answers a custom UI:
 *
 * 1. `flow.start({ flowId: "sign-up-or-in" })` → screen `welcome` (inputs: `email`);
 * 2. `flow.next(executionId, "welcome", "submit", { email })` → the code goes to
 *    the outbox; screen `verify-code` (state: `maskedEmail`);
 * 3. `flow.next(executionId, "verify-code", "submit", { code })` → `completed`
 *    with `authInfo` (a session; a new e-mail signs up). A wrong code answers
 *    the screen again with `error`; `resend` sends a new code.
 *
 * Other flow ids are 400 "flow not found"; a step that is not the
 * execution's current one, an unknown interaction or execution are 400.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import { isEmail } from "../../internal/validate.js"
import type * as Common from "../../wire/auth/Common.js"
import * as Wire from "../../wire/auth/Flow.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { maskEmail, newId } from "../Ids.js"
import { perProject } from "../mgmt/AreaState.js"
import { findUser } from "../Queries.js"
import { Codes, fail, isObject, type Json, type WireError } from "../Wire.js"
import { issueCode, verifyCodeLogin } from "./Otp.js"
import { required, signUpOf } from "./Support.js"

/**
 * The id of the built-in flow.
 *
 * @since 0.2.0
 * @category constants
 */
export const SIGN_UP_OR_IN = "sign-up-or-in"

interface Execution {
  readonly id: string
  step: "welcome" | "verify-code"
  email?: string | undefined
  readonly expiresAt: number
  readonly loginOptions: Json
}

const executions = perProject(() => new Map<string, Execution>())

type FlowAnswer = typeof Wire.FlowResponse.Type

const screen = (x: Execution, extra: Partial<FlowAnswer> = {}): FlowAnswer => ({
  executionId: x.id,
  stepId: x.step,
  stepName: x.step === "welcome" ? "Welcome" : "Verify code",
  status: "waiting",
  action: "screen",
  screen: x.step === "welcome"
    ? { id: "welcome", state: { inputs: ["email"], interactions: ["submit"] } }
    : {
      id: "verify-code",
      state: { inputs: ["code"], interactions: ["submit", "resend"], maskedEmail: maskEmail(x.email ?? "") }
    },
  ...extra
})

const badRequest = (message: string) => fail(400, Codes.InvalidRequest, "Invalid request", message)

const sendCode = (ctx: Ctx, x: Execution, email: string) => {
  const user = findUser(ctx.p, email)
  issueCode(ctx, email, "email", user, user === undefined ? signUpOf({ email }, "email") : undefined, x.loginOptions)
}

const start = (ctx: Ctx, body: typeof Wire.start.request.Type) =>
  Effect.gen(function*() {
    const flowId = yield* required("flowId", body.flowId)
    if (flowId !== SIGN_UP_OR_IN) {
      return yield* badRequest(`flow not found: ${flowId} (the emulator runs "${SIGN_UP_OR_IN}")`)
    }
    const x: Execution = {
      id: newId("EX"),
      step: "welcome",
      expiresAt: ctx.now + ctx.env.config.linkTtlMs,
      loginOptions: isObject(body.options) && isObject(body.options.loginOptions) ? body.options.loginOptions : {}
    }
    executions(ctx.p).set(x.id, x)
    return screen(x)
  })

const next = (ctx: Ctx, body: typeof Wire.next.request.Type): Effect.Effect<FlowAnswer, WireError> =>
  Effect.gen(function*() {
    const id = yield* required("executionId", body.executionId)
    const x = executions(ctx.p).get(id)
    if (x === undefined || x.expiresAt <= ctx.now) return yield* badRequest("unknown or expired execution")
    if (body.stepId !== x.step) return yield* badRequest(`step ${body.stepId} is not the execution's current step`)
    const input: Json = body.input ?? {}
    if (x.step === "welcome") {
      if (body.interactionId !== "submit") return yield* badRequest(`unknown interaction ${body.interactionId}`)
      const email = typeof input.email === "string" ? input.email.trim() : ""
      if (!isEmail(email)) {
        return screen(x, {
          error: { code: Codes.InvalidArguments, description: "Invalid argument", message: "enter an e-mail" }
        })
      }
      x.email = email
      x.step = "verify-code"
      sendCode(ctx, x, email)
      return screen(x)
    }
    const email = x.email ?? ""
    if (body.interactionId === "resend") {
      sendCode(ctx, x, email)
      return screen(x)
    }
    if (body.interactionId !== "submit") return yield* badRequest(`unknown interaction ${body.interactionId}`)
    const code = typeof input.code === "string" ? input.code : ""
    return yield* verifyCodeLogin(ctx, email, code).pipe(
      Effect.map((authInfo: Common.JWTResponse): FlowAnswer => {
        executions(ctx.p).delete(x.id)
        return { executionId: x.id, stepId: "end", stepName: "End", status: "completed", action: "none", authInfo }
      }),
      Effect.catchTag("WireError", (e) =>
        e.errorCode === Codes.WrongOtpCode
          ? Effect.succeed(screen(x, {
            error: { code: e.errorCode, description: e.errorDescription, message: e.errorMessage }
          }))
          : Effect.gen(function*() {
            if (e.errorCode !== Codes.TooManyOtpAttempts) return yield* Effect.fail(e)
            executions(ctx.p).delete(x.id)
            return {
              executionId: x.id,
              stepId: x.step,
              status: "failed",
              action: "none",
              error: { code: e.errorCode, description: e.errorDescription, message: e.errorMessage }
            } satisfies FlowAnswer
          }))
    )
  })

/**
 * The flow runner routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [H.endpoint(Wire.start, start), H.endpoint(Wire.next, next)]
