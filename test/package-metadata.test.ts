/**
 * What the registry page and a fresh install show: package.json's metadata, the
 * install-script policy, the CHANGELOG, and README links that work outside the
 * repository (absolute, an anchor of the README, or a file the package ships).
 */
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const ROOT = Path.resolve(Path.dirname(fileURLToPath(import.meta.url)), "..")

interface Pkg {
  readonly repository?: { readonly type: string; readonly url: string }
  readonly homepage?: string
  readonly bugs?: { readonly url: string }
  readonly keywords?: ReadonlyArray<string>
  readonly engines?: Readonly<Record<string, string>>
  readonly files: ReadonlyArray<string>
  readonly allowScripts?: Readonly<Record<string, boolean>>
  readonly scripts: Readonly<Record<string, string>>
}

const pkg = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package.json"), "utf8")) as Pkg
const readme = Fs.readFileSync(Path.join(ROOT, "README.md"), "utf8")

/** The GitHub anchor of a heading. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, "").replace(/ /g, "-")

describe("package metadata", () => {
  it("names the repository, homepage, issue tracker, keywords and engines", () => {
    expect(pkg.repository?.url).toMatch(/^git\+https:\/\/github\.com\/[^/]+\/[^/]+\.git$/)
    const repo = pkg.repository!.url.replace(/^git\+/, "").replace(/\.git$/, "")
    expect(pkg.homepage).toBe(`${repo}#readme`)
    expect(pkg.bugs?.url).toBe(`${repo}/issues`)
    expect(pkg.keywords).toEqual(expect.arrayContaining(["descope", "effect", "authentication"]))
    expect(pkg.engines?.["node"]).toBe(">=20")
  })

  it("ships a CHANGELOG with an entry for the current version or an unreleased one", () => {
    expect(pkg.files).toContain("CHANGELOG.md")
    const changelog = Fs.readFileSync(Path.join(ROOT, "CHANGELOG.md"), "utf8")
    expect(changelog).toMatch(/^## (Unreleased|\d+\.\d+\.\d+)/m)
  })

  it("declares a decision for every dependency's install script (npm ci prints no install-script warning)", () => {
    const lock = JSON.parse(Fs.readFileSync(Path.join(ROOT, "package-lock.json"), "utf8")) as {
      readonly packages: Readonly<Record<string, { readonly hasInstallScript?: boolean }>>
    }
    const withScripts = new Set(
      Object.entries(lock.packages)
        .filter(([path, entry]) => path !== "" && entry.hasInstallScript === true)
        .map(([path]) => path.replace(/^.*node_modules\//, ""))
    )
    expect([...withScripts].sort()).toEqual(Object.keys(pkg.allowScripts ?? {}).sort())
  })

  it("every README link is absolute, an anchor of the README, or a file the package ships", () => {
    const anchors = new Set([...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)))
    const links = [...readme.replace(/```[\s\S]*?```/g, "").matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)
    expect(links.length).toBeGreaterThan(5)
    const broken = links.filter((link) => {
      if (/^https?:\/\//.test(link)) return false
      if (link.startsWith("#")) return !anchors.has(link.slice(1))
      const file = link.split("#")[0]!
      const shipped = pkg.files.some((entry) => file === entry || file.startsWith(`${entry}/`))
      return !(shipped && Fs.existsSync(Path.join(ROOT, file)))
    })
    expect(broken).toEqual([])
  })
})
