/**
 * The `effect` this package needs, and the check of the installed one that
 * needs no module of `effect`: it reads the `version` of the `effect` package
 * that Node resolves from here (the same lookup our modules' imports of
 * `effect/*` make).
 *
 * Why a check without `effect`: an `effect` of another major (npm resolves
 * `effect@4` for `npm install effect` today) cannot even be linked against our
 * modules (effect 4 has no `effect/ConfigError`, nor the modules
 * `@effect/platform` 0.x imports), so Node's ES module linker fails before any
 * of our code runs. The package's Node entry points (`*.checked.js`, written
 * by `scripts/bundle.ts`) run this check first and only then import the
 * bundle, so the failure is the one sentence of `incompatibility`
 * (`effectRequirement.ts`).
 * Bundlers take the plain bundles (the `module` condition) and meet
 * `effectVersion.ts`'s check instead.
 *
 * Not a promise to users: kept out of the barrel and the exports map.
 *
 * @since 0.2.0
 */
import * as Fs from "node:fs"
import { createRequire } from "node:module"
import * as Path from "node:path"
import { incompatibility } from "./effectRequirement.js"

/** What {@link installedEffectPackage} found. */
type Installed =
  | { readonly _tag: "Found"; readonly version: string | undefined }
  | { readonly _tag: "Missing" }

/**
 * The `version` of the `effect` package Node resolves from `from` (a file URL
 * or path): the first `node_modules/effect/package.json` on Node's lookup
 * path. Its exports map is not consulted (effect 4's differs), only the
 * directory, as Node finds it.
 *
 * @since 0.2.0
 * @category getters
 */
export const installedEffectPackage = (from: string): Installed => {
  const paths = createRequire(from).resolve.paths("effect") ?? []
  for (const dir of paths) {
    const file = Path.join(dir, "effect", "package.json")
    let text: string
    try {
      text = Fs.readFileSync(file, "utf8")
    } catch {
      continue
    }
    try {
      const version: unknown = (JSON.parse(text) as { readonly version?: unknown }).version
      return { _tag: "Found", version: typeof version === "string" ? version : undefined }
    } catch {
      return { _tag: "Found", version: undefined }
    }
  }
  return { _tag: "Missing" }
}

/**
 * Throws `incompatibility`'s sentence when the `effect` Node resolves from
 * `from` is one this package cannot run on. The Node entry points call it
 * with their own `import.meta.url` before they import the bundle. When no
 * `effect` is found this way (none installed, or a resolver without
 * `node_modules` such as Yarn's Plug'n'Play), it lets the import go on: Node
 * then names a missing `effect` itself, and the bundle's own check
 * (`effectVersion.ts`) still sees the version it is linked against.
 *
 * @since 0.2.0
 * @category guards
 */
export const assertSupportedEffect = (from: string): void => {
  const installed = installedEffectPackage(from)
  if (installed._tag === "Missing") return
  const problem = incompatibility(installed.version)
  if (problem !== undefined) throw new Error(problem)
}
