// The doc categories of `src` (issue 14): one fixed set, named after what an export is, never after the area it
// serves (no `utils`, no `login`, `outbox`, `keys` ...). Effect's own names where Effect has one. Every
// `@category` in src/**/*.ts is one of these, and each of these is used (test/doc-categories.test.ts).

/** Every doc category, with its meaning (one line each). */
export const DOC_CATEGORIES = {
  models: "types and interfaces: the shapes of data, options, services and requests",
  schemas: "`Schema` values, their field sets and the helpers that build them: what decodes and encodes data",
  endpoints: "the wire catalogue (`src/wire`): one Descope endpoint described as data, and the tables of them",
  constructors: "what builds a new value or service: `make`, `from*`, `of`, route builders, ids, schedules",
  layers: "`Layer`s, and the functions that build or extend one",
  tags: "`Context.Tag`s and references: the services a program reads from its context",
  constants: "fixed values: defaults, limits, names, code tables, lists, metrics",
  errors: "error classes, and the functions that build or translate an error (a failure answer)",
  guards: "predicates, refinements and checks: whether a value passes (filters, matching, validation, verification)",
  getters: "accessors and lookups: a part or a derived value of what is given (`*Of`, `get*`), no emulator state",
  combinators: "functions that take an effect, a handler or a response and answer a changed one (`with*`, `map*`)",
  parsing: "text, headers, bytes or unknown input read into typed values (decoding, readers)",
  rendering: "values written out as text, JSON wire shapes or HTTP answers (serialization, encoding, masking)",
  routes: "emulator route tables, single routes and the handlers they serve",
  middleware: "request authentication for servers and frameworks: middleware, hooks, security schemes",
  queries: "reads of the emulator's state: projects, their records, their configuration",
  actions: "operations run for their effect: the emulator's state (issue, sign, deliver, record, update ...),"
    + " its command line, the cookies of the current response",
  modules: "whole modules re-exported as a namespace by a barrel (`export * as X`)"
} as const

/** A doc category. */
export type DocCategory = keyof typeof DOC_CATEGORIES

/** The names of the set, in the order above. */
export const docCategories: ReadonlyArray<DocCategory> = Object.keys(DOC_CATEGORIES) as Array<DocCategory>
