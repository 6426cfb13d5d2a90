/**
 * How the transport writes a request from a catalogue entry: its URL (as the
 * official SDKs build it), its credential, and the fields that go in the
 * query string.
 *
 * @internal
 */
import * as Redacted from "effect/Redacted"
import type * as DescopeHttp from "../core/DescopeHttp.js"
import type * as Endpoint from "../wire/Endpoint.js"

/**
 * Builds a request URL as the official SDKs do: the base without its trailing
 * `/`, the path without its leading `/`, joined by one `/`; query keys raw,
 * values URI-encoded, `undefined` values left out, in insertion order.
 */
export const buildUrl = (
  baseUrl: string,
  path: string,
  query?: Readonly<Record<string, DescopeHttp.QueryValue>>
): string => {
  const base = baseUrl.replace(/\/+$/, "")
  const cleanPath = path.replace(/^\/+/, "")
  let url = `${base}/${cleanPath}`
  if (query !== undefined) {
    const parts: Array<string> = []
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined) continue
      parts.push(`${key}=${encodeURIComponent(String(value))}`)
    }
    if (parts.length > 0) url += `?${parts.join("&")}`
  }
  return url
}

/** The credential of an endpoint call; `undefined` when a required token is missing. */
export const credentialOf = (
  endpoint: Endpoint.Endpoint.Any,
  token: Redacted.Redacted<string> | string | undefined
): DescopeHttp.Credential | "management" | undefined => {
  const given = token === undefined ? undefined : Redacted.isRedacted(token) ? token : Redacted.make(token)
  const present = given !== undefined && Redacted.value(given) !== ""
  switch (endpoint.credential) {
    case "management":
      return "management"
    case "project":
      return { _tag: "Project" }
    case "optionalRefresh":
      return present ? { _tag: "Token", token: given } : { _tag: "Project" }
    case "refresh":
    case "accessKey":
      return present ? { _tag: "Token", token: given } : undefined
  }
}

export const queryOf = (encoded: unknown): Readonly<Record<string, DescopeHttp.QueryValue>> => {
  const query: Record<string, DescopeHttp.QueryValue> = {}
  if (typeof encoded !== "object" || encoded === null) return query
  for (const [key, value] of Object.entries(encoded)) {
    if (value === undefined || value === null) continue
    query[key] = typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? value
      : JSON.stringify(value)
  }
  return query
}

/** The body of a request whose `fields` go in the query string: those fields as the query, the rest as the body. */
export const splitQuery = (
  encoded: unknown,
  fields: ReadonlyArray<string>
): { readonly query: Readonly<Record<string, DescopeHttp.QueryValue>>; readonly body: unknown } => {
  const rest: Record<string, unknown> = typeof encoded === "object" && encoded !== null ? { ...encoded } : {}
  const picked: Record<string, unknown> = {}
  for (const field of fields) {
    if (field in rest) picked[field] = rest[field]
    delete rest[field]
  }
  return { query: queryOf(picked), body: rest }
}
