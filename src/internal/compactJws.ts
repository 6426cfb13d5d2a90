/**
 * Reading a compact JWS before its signature is checked: three base64url
 * segments, a strict (I-JSON) header with an accepted `alg`, no `crit` and a
 * `kid`, a strict payload whose time claims are numbers, and the canonical
 * spelling of the signature. Each refusal is an `InvalidSessionError` naming
 * its reason.
 *
 * @internal
 */
import { InvalidSessionError, type InvalidSessionReason } from "../core/DescopeError.js"
import * as Verifier from "../core/Verifier.js"
import { boundedMemo } from "./boundedMemo.js"
import { withoutStack } from "./expectedError.js"
import * as StrictJson from "./StrictJson.js"

/** The refusals already built, by reason and description (bounded: a description may quote the token's header). */
const refusals = boundedMemo<InvalidSessionError>(256)

/**
 * A refusal: an expected failure, built without a stack trace or field
 * re-validation (see `withoutStack`), once per reason and description: the
 * same refusal is one immutable value (Effect never changes a failure, it
 * wraps it to attach a span), so a flood of hostile tokens costs no error
 * construction per token.
 */
export const invalid = (reason: InvalidSessionReason, description?: string): InvalidSessionError =>
  refusals(
    description === undefined ? reason : `${reason}\n${description}`,
    () =>
      withoutStack(() =>
        new InvalidSessionError(description === undefined ? { reason } : { reason, description }, true)
      )
  )

const B64URL = /^[A-Za-z0-9_-]+$/

const B64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

/**
 * Whether a base64url segment is the canonical encoding of its bytes: not of a
 * length of 1 mod 4, and the unused low bits of its last character are zero.
 * Decoders ignore those bits, so without this check one signature has several
 * spellings and a token altered there would still verify.
 */
export const isCanonicalBase64url = (segment: string): boolean => {
  const rest = segment.length % 4
  if (rest === 0) return true
  if (rest === 1) return false
  const last = B64URL_ALPHABET.indexOf(segment.charAt(segment.length - 1))
  return (last & (rest === 2 ? 0x0f : 0x03)) === 0
}

const refusalText = (part: "header" | "payload", refusal: StrictJson.Refusal): string =>
  refusal === "encoding"
    ? `the ${part} is not valid UTF-8`
    : refusal === "duplicate"
    ? `the ${part} names a member twice (I-JSON)`
    : `the ${part} is not a JSON object`

/** The checked parts of a JWS header. */
export interface Header {
  readonly alg: Verifier.Algorithm
  readonly kid: string
}

/** Checks a header segment: base64url JSON object, an accepted `alg`, no `crit`, a `kid`. */
export const parseHeader = (headerPart: string): Header | InvalidSessionError => {
  if (!B64URL.test(headerPart)) return invalid("Malformed", "the header segment is empty or not base64url")
  const header = StrictJson.parseObjectSegment(headerPart)
  if (typeof header === "string") return invalid("Malformed", refusalText("header", header))
  const alg = header.alg
  if (!Verifier.isAlgorithm(alg)) {
    return invalid(
      "AlgorithmNotAllowed",
      `algorithm ${typeof alg === "string" ? JSON.stringify(alg.slice(0, 20)) : "(none)"} is not allowed`
    )
  }
  if (header.crit !== undefined) return invalid("Malformed", "the header carries unsupported critical parameters")
  const kid = header.kid
  if (typeof kid !== "string" || kid === "") return invalid("Malformed", "the header has no kid")
  return { alg, kid }
}

export interface Parsed {
  readonly alg: Verifier.Algorithm
  readonly kid: string
  readonly payload: Record<string, unknown>
  readonly signingInput: string
  readonly signature: string
}

const numericClaim = (payload: Record<string, unknown>, name: string): number | undefined | false => {
  const value = payload[name]
  if (value === undefined) return undefined
  return typeof value === "number" && Number.isFinite(value) ? value : false
}

/**
 * Parses a compact JWS (no signature check); the failure names the reason.
 *
 * @since 0.1.0
 * @category parsing
 */
export const parse = (
  token: string,
  maxSize: number,
  headerOf: (headerPart: string) => Header | InvalidSessionError
): Parsed | InvalidSessionError => {
  if (token === "") return invalid("Missing", "no token was given")
  if (token.length > maxSize) return invalid("Malformed", `the token is larger than ${maxSize} bytes`)
  const first = token.indexOf(".")
  const second = first < 0 ? -1 : token.indexOf(".", first + 1)
  if (first < 0 || second < 0 || token.indexOf(".", second + 1) >= 0) {
    return invalid("Malformed", "a JWT has three dot-separated segments")
  }
  const headerPart = token.slice(0, first)
  const payloadPart = token.slice(first + 1, second)
  const signature = token.slice(second + 1)
  const header = headerOf(headerPart)
  if (header instanceof InvalidSessionError) return header
  const { alg, kid } = header
  if (!B64URL.test(payloadPart) || !B64URL.test(signature)) {
    return invalid("Malformed", "a JWT segment is empty or not base64url")
  }
  const payload = StrictJson.parseObjectSegment(payloadPart)
  if (typeof payload === "string") return invalid("Malformed", refusalText("payload", payload))
  for (const name of ["exp", "nbf", "iat"]) {
    if (numericClaim(payload, name) === false) return invalid("Malformed", `claim ${name} is not a number`)
  }
  return { alg, kid, payload, signingInput: token.slice(0, second), signature }
}
