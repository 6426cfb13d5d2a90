/**
 * The emulator's provider ID tokens: Google One Tap
 * (the One Tap entries of `wire/auth/OAuth.ts`) and the native OAuth start / finish
 * (its native entries). Each project has an emulated provider with its
 * own signing key; `POST /emulator/idp/idtoken` mints its ID tokens for tests
 * (as the provider's SDK would hand them to the app), and only those verify:
 * signature, issuer `https://idp.emulator.descope/<provider>`, audience the
 * provider's client id (`GET /v1/auth/onetap/clientid/{provider}`:
 * `emulator-<provider>-client-id`), expiry on the emulator's clock and, when
 * given, the nonce. A verified token's identity signs in (or signs up) its
 * user, as the OAuth exchange does.
 *
 * @since 0.2.0
 */
import * as Effect from "effect/Effect"
import * as Redacted from "effect/Redacted"
import * as Schema from "effect/Schema"
import * as OAuthWire from "../../wire/auth/OAuth.js"
import { Num, optional } from "../../wire/Fields.js"
import * as Keys from "../EmulatorKeys.js"
import type { Identity } from "../EmulatorState.js"
import * as H from "../Handler.js"
import type { Ctx, Route } from "../Handler.js"
import { newSecret, sha256 } from "../Ids.js"
import { perProject } from "../mgmt/AreaState.js"
import * as W from "../Wire.js"
import { Codes, fail, type WireError } from "../Wire.js"
import { oauthLogin } from "./Federated.js"
import { jwt, required } from "./Support.js"

const ID_TOKEN_TTL_S = 3600

interface NativeState {
  readonly provider: string
  readonly nonce: string
  readonly loginOptions: Record<string, unknown>
  readonly expiresAt: number
}

interface ProviderState {
  key: Keys.SigningKey | undefined
  readonly native: Map<string, NativeState>
}

const stateOf = perProject<ProviderState>(() => ({ key: undefined, native: new Map() }))

const providerKey = (ctx: Ctx): Effect.Effect<Keys.SigningKey> => {
  const s = stateOf(ctx.p)
  if (s.key !== undefined) return Effect.succeed(s.key)
  return Effect.tap(Keys.generate("RS256", ctx.now), (k) => Effect.sync(() => (s.key = s.key ?? k)))
}

/**
 * The client id the emulated provider's One Tap and native logins are configured with.
 *
 * @since 0.2.0
 * @category getters
 */
export const clientIdOf = (provider: string): string => `emulator-${provider}-client-id`

/**
 * The issuer of the emulated provider's ID tokens.
 *
 * @since 0.2.0
 * @category getters
 */
export const issuerOf = (provider: string): string => `https://idp.emulator.descope/${provider}`

const unauthorized = (message: string) => fail(401, Codes.InvalidToken, "Invalid token", message)

/** Verifies an ID token of the emulated provider: its identity. */
const verifyIdToken = (
  ctx: Ctx,
  provider: string,
  idToken: string,
  nonce: string | undefined
): Effect.Effect<Identity, WireError> =>
  Effect.gen(function*() {
    const key = yield* providerKey(ctx)
    const claims = yield* Keys.verify([key], idToken, ctx.now)
    if (claims.iss !== issuerOf(provider)) return yield* unauthorized(`the ID token is not ${provider}'s`)
    const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
    if (!aud.includes(clientIdOf(provider))) return yield* unauthorized("the ID token is for another client")
    if (nonce !== undefined && nonce !== "" && claims.nonce !== nonce) {
      return yield* unauthorized("the ID token's nonce is not the expected one")
    }
    const email = claims.email
    if (typeof email !== "string" || email === "") return yield* W.invalid("the ID token carries no email")
    const text = (k: string) => (typeof claims[k] === "string" ? claims[k] as string : undefined)
    return {
      email,
      name: text("name"),
      givenName: text("given_name"),
      familyName: text("family_name"),
      picture: text("picture")
    }
  })

/** The request of `POST /emulator/idp/idtoken` (the claims use the provider's spelling). */
const MintIdTokenRequest = Schema.Struct({
  provider: Schema.String,
  email: Schema.String,
  name: optional(Schema.String),
  given_name: optional(Schema.String),
  family_name: optional(Schema.String),
  picture: optional(Schema.String),
  nonce: optional(Schema.String),
  aud: optional(Schema.String),
  expiresIn: optional(Num)
})

const nonEmpty = (s: string | undefined): string | undefined => (s === undefined || s === "" ? undefined : s)

/**
 * `POST /emulator/idp/idtoken`: mints an ID token of the emulated provider
 * (body `{ provider, email, name?, given_name?, family_name?, picture?, nonce?, aud?, expiresIn? }`).
 *
 * @since 0.2.0
 * @category routes
 */
export const mintIdToken: H.Handler = H.decoding(MintIdTokenRequest, (ctx, b) =>
  Effect.gen(function*() {
    const provider = yield* required("provider", b.provider)
    const email = yield* required("email", b.email)
    const key = yield* providerKey(ctx)
    const iat = Math.floor(ctx.now / 1000)
    const claims: Record<string, unknown> = {
      iss: issuerOf(provider),
      aud: nonEmpty(b.aud) ?? clientIdOf(provider),
      sub: sha256(email).slice(0, 21),
      email,
      email_verified: true,
      iat,
      exp: iat + (b.expiresIn ?? ID_TOKEN_TTL_S)
    }
    for (const k of ["name", "given_name", "family_name", "picture", "nonce"] as const) {
      const v = nonEmpty(b[k])
      if (v !== undefined) claims[k] = v
    }
    return { idToken: yield* Keys.sign(key, claims), clientId: clientIdOf(provider) }
  }))

type OneTapRequest = typeof OAuthWire.verifyOneTapIdToken.request.Type

const oneTapIdentity = (ctx: Ctx, body: OneTapRequest) =>
  Effect.gen(function*() {
    const provider = yield* required("provider", body.provider)
    const idToken = yield* required("idToken", body.idToken)
    return { provider, identity: yield* verifyIdToken(ctx, provider, idToken, body.nonce) }
  })

const record = (ctx: Ctx, provider: string, identity: Identity, loginOptions: Record<string, unknown>) => ({
  state: newSecret(16),
  kind: "oauth" as const,
  provider,
  redirectUrl: "",
  loginOptions,
  expiresAt: ctx.now + ctx.env.config.linkTtlMs,
  identity
})

const nativeFinish = (ctx: Ctx, body: typeof OAuthWire.finishNative.request.Type) =>
  Effect.gen(function*() {
    const provider = yield* required("provider", body.provider)
    const stateId = yield* required("stateId", body.stateId)
    const natives = stateOf(ctx.p).native
    const state = natives.get(stateId)
    natives.delete(stateId)
    if (state === undefined || state.provider !== provider || state.expiresAt <= ctx.now) {
      return yield* fail(400, Codes.InvalidArguments, "Invalid argument", "unknown or expired stateId")
    }
    const idToken = body.idToken === undefined ? "" : Redacted.value(body.idToken)
    const code = body.code === undefined ? "" : Redacted.value(body.code)
    if (idToken === "" && code === "") return yield* W.missing("idToken")
    // an ID token is verified (with the start's nonce); a provider code stands for the configured identity
    const identity = idToken !== ""
      ? yield* verifyIdToken(ctx, provider, idToken, state.nonce)
      : ctx.p.oauthIdentities.get(provider) ?? ctx.p.oauthIdentities.get("*")
    const rec = record(ctx, provider, identity ?? { email: `${provider}.user@example.com` }, state.loginOptions)
    return yield* jwt(oauthLogin(ctx, rec))
  })

/**
 * The One Tap and native OAuth routes.
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  H.endpoint(
    OAuthWire.getOneTapClientId,
    (ctx) => Effect.map(required("provider", ctx.params.provider), (provider) => ({ clientId: clientIdOf(provider) }))
  ),
  H.endpoint(OAuthWire.verifyOneTapIdToken, (ctx, body) =>
    Effect.gen(function*() {
      const { identity, provider } = yield* oneTapIdentity(ctx, body)
      const code = newSecret(16)
      const rec = record(ctx, provider, identity, { ...body.loginOptions })
      ctx.p.federated.set(`code:${code}`, { ...rec, code })
      return { code: Redacted.make(code) }
    })),
  H.endpoint(OAuthWire.exchangeOneTapIdToken, (ctx, body) =>
    Effect.gen(function*() {
      const { identity, provider } = yield* oneTapIdentity(ctx, body)
      return yield* jwt(oauthLogin(ctx, record(ctx, provider, identity, { ...body.loginOptions })))
    })),
  H.endpoint(OAuthWire.startNative, (ctx, body) =>
    Effect.gen(function*() {
      const provider = yield* required("provider", body.provider)
      const stateId = newSecret(16)
      const nonce = newSecret(16)
      stateOf(ctx.p).native.set(stateId, {
        provider,
        nonce,
        loginOptions: { ...body.loginOptions },
        expiresAt: ctx.now + ctx.env.config.linkTtlMs
      })
      return { clientId: clientIdOf(provider), stateId, nonce, implicit: body.implicit === true }
    })),
  H.endpoint(OAuthWire.finishNative, nativeFinish)
]
