/**
 * The inspector in a real headless browser: Debian's chromium
 * (`apt-get install chromium`) driven by playwright-core, against the
 * emulator's real server on loopback. A person's path through it: the
 * seeded state, a magic link in the outbox signs in from the page, a fault
 * added in the page fails the next sign-in and shows in the request list,
 * a request of the list opens on its bodies, redacted (the login id shown,
 * never the code or the tokens), the clock advances and the key rotates. Each screen is saved as a
 * screenshot in `.scratch/ui-screenshots/` (the artifact to look at).
 */
import { afterAll, assert, beforeAll, describe, it } from "@effect/vitest"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import * as ManagedRuntime from "effect/ManagedRuntime"
import * as Option from "effect/Option"
import * as Fs from "node:fs"
import * as Path from "node:path"
import { fileURLToPath } from "node:url"
import { type Browser, chromium, type Page } from "playwright-core"
import * as Emulator from "../src/emulator/index.js"

const CHROMIUM = "/usr/bin/chromium"
const SHOTS = Path.join(Path.dirname(fileURLToPath(import.meta.url)), "..", ".scratch", "ui-screenshots")
const P = "P2InspectorProject0000000000"

const runtime = ManagedRuntime.make(
  Emulator.layerServer().pipe(Layer.provideMerge(Emulator.layer({
    projectId: P,
    seed: {
      tenants: [{ id: "acme", name: "Acme" }],
      roles: [{ name: "reader" }],
      users: [{ loginId: "ada@example.com", roleNames: ["reader"], userTenants: [{ tenantId: "acme" }] }],
      accessKeys: [{ name: "ci", cleartext: "K2inspector-ci-key" }]
    }
  })))
)
let baseUrl = ""
let browser: Browser
let page: Page

const api = (path: string, body: unknown) =>
  fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${P}`, "content-type": "application/json" },
    body: JSON.stringify(body)
  })

const shot = (name: string) => page.screenshot({ path: Path.join(SHOTS, `${name}.png`), fullPage: true })

beforeAll(async () => {
  if (!Fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`)
  Fs.mkdirSync(SHOTS, { recursive: true })
  baseUrl = (await runtime.runPromise(Emulator.EmulatorServer)).baseUrl
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run"
    ]
  })
  page = await browser.newPage({ viewport: { width: 1200, height: 800 } })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await runtime.dispose()
})

describe("the inspector in chromium", () => {
  it("shows the seeded state", async () => {
    await page.goto(`${baseUrl}/emulator/ui`)
    await page.locator("#users td", { hasText: "ada@example.com" }).first().waitFor()
    assert.include(await page.locator("#tenants").innerText(), "Acme")
    assert.include(await page.locator("#roles").innerText(), "reader")
    assert.include(await page.locator("#keys").innerText(), "ci")
    assert.notInclude(await page.content(), "K2inspector-ci-key")
    await shot("1-state")
  })

  it("signs in through the magic link shown in the outbox", async () => {
    const start = await api("/v1/auth/magiclink/signin/email", {
      loginId: "ada@example.com",
      URI: "http://app.example/verify"
    })
    assert.strictEqual(start.status, 200)
    await page.locator("nav a[data-tab=outbox]").click()
    const link = page.locator("#outbox-table a", { hasText: "http://app.example/verify?t=" })
    await link.waitFor()
    await page.locator("#outbox-table button.signin").first().click()
    await page.locator("#result", { hasText: "signed in: ada@example.com" }).waitFor()
    await shot("2-outbox")
    // the link is single-use: a second click is refused
    await page.locator("#outbox-table button.signin").first().click()
    await page.locator("#result", { hasText: "refused" }).waitFor()
  })

  it("adds a fault in the page and sees it fail the next sign-in in the request list", async () => {
    await page.locator("nav a[data-tab=faults]").click()
    await page.fill("#fault-form input[name=path]", "/v1/auth/otp/**")
    await page.fill("#fault-form input[name=status]", "503")
    await page.fill("#fault-form input[name=times]", "1")
    await page.click("#add-fault")
    await page.locator("#faults-table td", { hasText: "/v1/auth/otp/**" }).waitFor()
    await shot("3-faults")
    const failed = await api("/v1/auth/otp/signup-in/email", { loginId: "ada@example.com" })
    assert.strictEqual(failed.status, 503)
    await page.locator("nav a[data-tab=requests]").click()
    const row = page.locator("#requests-table tr", { hasText: "/v1/auth/otp/signup-in/email" }).first()
    await row.locator("td.err", { hasText: "503" }).waitFor()
    assert.include(await row.innerText(), "E999999")
    await shot("4-requests")
    await page.locator("nav a[data-tab=faults]").click()
    await page.locator("#faults-table td", { hasText: "none" }).waitFor()
  })

  it("opens a request of the list on its bodies, redacted", async () => {
    const loginId = "grace@example.com"
    assert.strictEqual((await api("/v1/auth/otp/signup-in/email", { loginId })).status, 200)
    const message = await runtime.runPromise(Effect.flatMap(Emulator.Emulator, (e) => e.lastMessage(loginId, "otp")))
    const code = Option.getOrThrow(message).code ?? ""
    const verified = await api("/v1/auth/otp/verify/email", { loginId, code })
    assert.strictEqual(verified.status, 200)
    const { sessionJwt } = await verified.json() as { readonly sessionJwt: string }
    await page.locator("nav a[data-tab=requests]").click()
    const row = page.locator("#requests-table tr.req", { hasText: "/v1/auth/otp/verify/email" }).first()
    await row.waitFor()
    await row.click()
    const bodies = page.locator("#requests-table tr.bodies").first()
    await bodies.locator("pre.request-body", { hasText: loginId }).waitFor()
    const request = await bodies.locator("pre.request-body").innerText()
    assert.deepStrictEqual(JSON.parse(request), { loginId, code: "[redacted]" })
    const response = await bodies.locator("pre.response-body").innerText()
    assert.include(response, `"sessionJwt": "[redacted]"`)
    assert.include(response, loginId)
    // still open after the page refreshes the list (every second)
    await page.waitForTimeout(1500)
    assert.include(await page.locator("#requests-table tr.bodies pre.request-body").first().innerText(), "[redacted]")
    // (the outbox tab shows the code, by design; the request list never does)
    const html = await page.locator("#requests").innerHTML()
    assert.notInclude(html, code)
    assert.notInclude(html, sessionJwt)
    await shot("4b-request-bodies")
    // a second click closes it
    await row.click()
    await page.locator("#requests-table tr.bodies").waitFor({ state: "detached" })
  })

  it("advances the clock and rotates the signing key", async () => {
    await page.locator("nav a[data-tab=clock]").click()
    const before = await page.locator("#now").innerText()
    await page.fill("#seconds", "3600")
    await page.click("#advance")
    await page.waitForFunction(
      (b) =>
        document.querySelector("#now")?.textContent !== b &&
        Date.parse(document.querySelector("#now")?.textContent ?? "") - Date.parse(b) >= 3_600_000,
      before
    )
    await page.click("#rotate")
    await page.locator("#kid", { hasText: /\S/ }).waitFor()
    await shot("5-clock")
  })
})
