/**
 * The one builder of the delivery flows: OTP, magic link and enchanted link
 * sign-up / sign-in / sign-up-or-in and contact updates. A flow gives its
 * catalogued endpoints (bound with {@link byMethod} or {@link fixed}), its
 * delivery methods and whether it sends links (`URI`); the builder runs the
 * client-side checks, picks the credential (the refresh token of a sign-in,
 * required with `stepup` / `mfa`; the user's refresh token of an update),
 * builds the body and checks the answer.
 *
 * @internal
 */
import * as Effect from "effect/Effect"
import type * as Schema from "effect/Schema"
import type {
  DeliveryMethod,
  LoginOptions,
  MaskedAddress,
  MaskedEmail,
  MaskedPhone,
  Secret,
  SignUpUser,
  StartError,
  UpdateOptions
} from "../auth/LoginOptions.js"
import { type InvalidArgumentError, type RemoteError, TransportError } from "../core/DescopeError.js"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type * as Common from "../wire/auth/Common.js"
import type * as Endpoint from "../wire/Endpoint.js"
import { email, nonEmpty, oneOf, phone, signInToken } from "./validate.js"

/** Where a call goes: the delivery method of its path, and the refresh token it carries. */
export interface Target {
  readonly deliveryMethod: string
  readonly token?: Secret | undefined
}

/** A catalogued call bound to its endpoint. */
export type Send<Req, Res> = (request: Req, target: Target) => Effect.Effect<Res, RemoteError | InvalidArgumentError>

/** Binds an endpoint whose path names the delivery method (`/signup/{deliveryMethod}`). */
export const byMethod = <Req, ReqI, Res, ResI>(
  http: DescopeHttp.Service,
  endpoint: Endpoint.Endpoint<"deliveryMethod", Req, ReqI, Res, ResI>
): Send<Req, Res> =>
(request, target) =>
  http.call(endpoint, { path: { deliveryMethod: target.deliveryMethod }, request, token: target.token })

/** Binds an endpoint of a single delivery method (its path spells it: `/signup/email`). */
export const fixed = <Req, ReqI, Res, ResI>(
  http: DescopeHttp.Service,
  endpoint: Endpoint.Endpoint<never, Req, ReqI, Res, ResI>
): Send<Req, Res> =>
(request, target) => http.call(endpoint, { request, token: target.token })

/** The body of a sign-up, sign-in or sign-up-or-in. */
export interface StartRequest {
  readonly loginId: string
  readonly URI?: string | undefined
  readonly user?: Common.SignUpUser | undefined
  readonly loginOptions: Common.LoginOptions
  readonly providerId?: string | undefined
}

/** What a sign-up, sign-in or sign-up-or-in is given. */
export interface StartOptions<M extends string> {
  /** The delivery method; a flow of one method may leave it out. */
  readonly method?: M | undefined
  readonly loginId: string
  /** The redirect URL of the link (link flows). */
  readonly uri?: string | undefined
  /** The new user (sign-up). */
  readonly user?: SignUpUser | undefined
  readonly loginOptions?: LoginOptions | undefined
  /** The current refresh token (sign-in); required with `stepup` or `mfa`. */
  readonly refreshToken?: Secret | undefined
  readonly providerId?: string | undefined
}

/** A flow's start calls. */
export interface StartSpec<M extends string, A, R> {
  readonly methods: ReadonlyArray<M>
  /** Whether the flow sends links: its bodies carry the redirect URL (`URI`). */
  readonly links: boolean
  readonly signUp: Send<StartRequest, A>
  readonly signIn: Send<StartRequest, A>
  readonly signUpOrIn: Send<StartRequest, A>
  /** Checks the answer of a start call for its delivery method. */
  readonly answer: (deliveryMethod: M, answer: A) => Effect.Effect<R, TransportError>
}

/** The start calls of a flow. */
export interface Starts<M extends string, R> {
  readonly signUp: (options: StartOptions<M>) => Effect.Effect<R, StartError>
  readonly signIn: (options: StartOptions<M>) => Effect.Effect<R, StartError>
  readonly signUpOrIn: (options: StartOptions<M>) => Effect.Effect<R, StartError>
}

/**
 * Builds the start calls of a flow: the delivery method must be one of the
 * flow's and the login id not empty; a sign-in carries the refresh token when
 * one is given (required with `stepup` / `mfa`); a sign-up carries the user;
 * the login options are sent as `{}` when none are given.
 */
export const starts = <M extends string, A, R>(spec: StartSpec<M, A, R>): Starts<M, R> => {
  const start = (
    send: Send<StartRequest, A>,
    kind: "signUp" | "signIn" | "signUpOrIn"
  ) =>
  (options: StartOptions<M>): Effect.Effect<R, StartError> =>
    Effect.gen(function*() {
      const deliveryMethod = yield* oneOf("method", spec.methods, options.method ?? spec.methods[0]!)
      const loginId = yield* nonEmpty("loginId", options.loginId)
      const token = kind === "signIn" ? yield* signInToken(options.loginOptions, options.refreshToken) : undefined
      const request: StartRequest = {
        loginId,
        URI: spec.links ? options.uri : undefined,
        user: kind === "signUp" ? options.user : undefined,
        loginOptions: options.loginOptions ?? {},
        providerId: options.providerId
      }
      const answer = yield* send(request, { deliveryMethod, token })
      return yield* spec.answer(deliveryMethod, answer)
    })
  return {
    signUp: start(spec.signUp, "signUp"),
    signIn: start(spec.signIn, "signIn"),
    signUpOrIn: start(spec.signUpOrIn, "signUpOrIn")
  }
}

/** The fields of a contact update, as the wire catalogue types them. */
type UpdateFields = Schema.Struct.Type<typeof Common.updateFields>

/** The body of an e-mail update. */
export interface UpdateEmailRequest extends UpdateFields {
  readonly loginId: string
  readonly email: string
  readonly URI?: string | undefined
}

/** The body of a phone update. */
export interface UpdatePhoneRequest extends UpdateFields {
  readonly loginId: string
  readonly phone: string
  readonly URI?: string | undefined
}

/** What a contact update is given. */
export interface UpdateInput extends UpdateOptions {
  readonly loginId: string
  /** The redirect URL of the link (link flows). */
  readonly uri?: string | undefined
  /** The user's refresh token. */
  readonly refreshToken: Secret
}

const updateFieldsOf = (o: UpdateOptions): UpdateFields => ({
  addToLoginIds: o.addToLoginIds,
  onMergeUseExisting: o.onMergeUseExisting,
  templateOptions: o.templateOptions,
  templateId: o.templateId,
  providerId: o.providerId,
  mfa: o.mfa
})

/**
 * Builds an e-mail update: the login id not empty, the address passing the
 * e-mail rule, then the call with the user's refresh token (required).
 */
export const updateEmail = <R>(spec: {
  readonly links: boolean
  readonly send: Send<UpdateEmailRequest, R>
}) =>
(options: UpdateInput & { readonly email: string }): Effect.Effect<R, StartError> =>
  Effect.gen(function*() {
    const loginId = yield* nonEmpty("loginId", options.loginId)
    const address = yield* email("email", options.email)
    const request: UpdateEmailRequest = {
      loginId,
      email: address,
      URI: spec.links ? options.uri : undefined,
      ...updateFieldsOf(options)
    }
    return yield* spec.send(request, { deliveryMethod: "email", token: options.refreshToken })
  })

/**
 * Builds a phone update: the method one of the flow's phone methods, the
 * login id not empty, the number in E.164, then the call with the user's
 * refresh token (required).
 */
export const updatePhone = <M extends string, R>(spec: {
  readonly methods: ReadonlyArray<M>
  readonly links: boolean
  readonly send: Send<UpdatePhoneRequest, R>
}) =>
(options: UpdateInput & { readonly method: M; readonly phone: string }): Effect.Effect<R, StartError> =>
  Effect.gen(function*() {
    const deliveryMethod = yield* oneOf("method", spec.methods, options.method)
    const loginId = yield* nonEmpty("loginId", options.loginId)
    const number = yield* phone("phone", options.phone)
    const request: UpdatePhoneRequest = {
      loginId,
      phone: number,
      URI: spec.links ? options.uri : undefined,
      ...updateFieldsOf(options)
    }
    return yield* spec.send(request, { deliveryMethod, token: options.refreshToken })
  })

/**
 * The masked address of a start answer, checked against the delivery method
 * of the call: `{ maskedEmail }` for `email`, `{ maskedPhone }` otherwise; an
 * answer without it is a `TransportError` (`Decode`).
 */
export const maskedFor = (
  deliveryMethod: string,
  answer: Common.MaskedAddress
): Effect.Effect<MaskedEmail | MaskedPhone, TransportError> => {
  const field = deliveryMethod === "email" ? "maskedEmail" : "maskedPhone"
  const value = answer[field]
  return value === undefined
    ? Effect.fail(
      new TransportError({ reason: "Decode", method: "POST", description: `the answer carries no ${field}` })
    )
    : Effect.succeed(field === "maskedEmail" ? { maskedEmail: value } : { maskedPhone: value })
}

/**
 * The masked address of a start call typed by its delivery method (checked at
 * run time by {@link maskedFor}).
 */
export const typedByMethod = <M extends DeliveryMethod>(
  self: Effect.Effect<MaskedEmail | MaskedPhone, StartError>
): Effect.Effect<MaskedAddress<M>, StartError> => self as Effect.Effect<MaskedAddress<M>, StartError>
