/**
 * Builds an expected failure (a refused token, its 401) without the costs
 * that only serve defects: no stack trace is captured (V8 walks the stack for
 * every `Error`, a large share of a 401's cost; the failure's tag, reason and
 * message say what happened, and the stack would only point inside the SDK)
 * and, for a schema error class given `true`, no re-validation of fields the
 * SDK itself typed. Defects and errors users raise keep their stacks.
 *
 * @internal
 */
export const withoutStack = <A>(make: () => A): A => {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  try {
    return make()
  } finally {
    Error.stackTraceLimit = limit
  }
}
