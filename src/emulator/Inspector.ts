/**
 * The inspector: `GET /emulator/ui`, one page of plain HTML and a little
 * JavaScript (no build step) over the emulator-only routes: the users,
 * tenants, roles and access keys of a project (from its export, so never a
 * secret), the outbox with its codes and links (a magic link signs in from
 * the page), the last requests (method, path, status, latency, error code;
 * a row opens on its request and response bodies, redacted by `Redaction`;
 * never a header or a query string), the faults (add, list, clear), the
 * clock (advance) and key
 * rotation. `--no-ui` (option `ui: false`) turns it off. The page calls the
 * emulator from its own origin, which the emulator accepts when reached by
 * an IP address or `localhost`.
 *
 * @since 0.2.0
 */
import * as HttpServerResponse from "@effect/platform/HttpServerResponse"
import * as Effect from "effect/Effect"
import * as MagicLink from "../wire/auth/MagicLink.js"
import * as BodyCapture from "./BodyCapture.js"
import * as H from "./Handler.js"
import type { Route } from "./Handler.js"
import * as Redaction from "./Redaction.js"
import * as RequestLog from "./RequestLog.js"
import * as W from "./Wire.js"

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 0; color: #1d2330; background: #f6f7f9 }
header { background: #1d2330; color: #fff; padding: 10px 16px; display: flex; gap: 16px; align-items: center }
header h1 { font-size: 16px; margin: 0 }
nav a { color: #cfd6e4; margin-right: 12px; text-decoration: none } nav a.on { color: #fff; font-weight: 600 }
main { padding: 16px }
section { display: none } section.on { display: block }
table { border-collapse: collapse; background: #fff; width: 100%; margin-bottom: 16px }
th, td { border: 1px solid #dde1e8; padding: 4px 8px; text-align: left; vertical-align: top }
th { background: #eef1f5 } td.err { color: #b3261e } code { font-size: 13px }
form, .row { margin: 8px 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap }
input { padding: 4px } button { padding: 4px 10px } #result { white-space: pre-wrap; color: #0b6e2e }
#requests-table tr.req { cursor: pointer } #requests-table tr.req:hover { background: #f0f4fa }
#requests-table tr.bodies td { background: #fafbfc } .bodies h3 { font-size: 13px; margin: 4px 0 }
.bodies pre { margin: 0 0 8px; white-space: pre-wrap; word-break: break-all; font-size: 12px }
`

const SCRIPT = `
const $ = (s) => document.querySelector(s)
const esc = (v) => String(v ?? "").replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";")
let project = ""
const q = () => project ? "?projectId=" + encodeURIComponent(project) : ""
const api = async (method, path, body) => {
  const res = await fetch(path, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined })
  return res.json()
}
const table = (id, cols, rows) => {
  $(id).innerHTML = "<tr>" + cols.map((c) => "<th>" + esc(c[0]) + "</th>").join("") + "</tr>" +
    (rows.length === 0 ? "<tr><td colspan=" + cols.length + "><em>none</em></td></tr>" :
      rows.map((r) => "<tr>" + cols.map((c) => "<td" + (c[2] ? " class=" + c[2](r) : "") + ">" + c[1](r) + "</td>").join("") + "</tr>").join(""))
}
const show = (name) => {
  for (const s of document.querySelectorAll("section")) s.classList.toggle("on", s.id === name)
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("on", a.dataset.tab === name)
}
const signIn = async (token) => {
  const res = await fetch(${
  JSON.stringify(MagicLink.verify.path)
}, { method: "POST", headers: { authorization: "Bearer " + project, "content-type": "application/json" }, body: JSON.stringify({ token }) })
  const body = await res.json()
  $("#result").textContent = res.ok ? "signed in: " + body.user.loginIds[0] + " (" + body.user.userId + ")" : "refused: " + body.errorCode + " " + (body.errorMessage ?? "")
  refresh()
}
// the request list: a row opens (click) on its bodies, as the emulator redacted them; open rows stay open
let requests = []
const opened = new Set()
const bodyText = (b) => b === undefined ? "(empty)" : !("json" in b) ? "(" + b.bytes + " bytes, not JSON)" :
  JSON.stringify(b.json, null, 2) + (b.truncated ? "\\n(" + b.bytes + " bytes: only the first ${BodyCapture.MAX_BODY_BYTES} kept, shown as far as they go)" : "")
const requestCols = [["", (r) => opened.has(r.seq) ? "&#9662;" : "&#9656;"], ["method", (r) => esc(r.method)], ["path", (r) => esc(r.path)], ["status", (r) => esc(r.status), (r) => r.status >= 400 ? "err" : ""], ["latency", (r) => esc(r.latencyMs) + " ms"], ["error", (r) => esc(r.errorCode)], ["project", (r) => esc(r.projectId)]]
const showRequests = () => {
  $("#requests-table").innerHTML = "<tr>" + requestCols.map((c) => "<th>" + esc(c[0]) + "</th>").join("") + "</tr>" +
    (requests.length === 0 ? "<tr><td colspan=" + requestCols.length + "><em>none</em></td></tr>" :
      requests.map((r) => "<tr class=req data-seq=" + esc(r.seq) + ">" + requestCols.map((c) => "<td" + (c[2] ? " class=" + c[2](r) : "") + ">" + c[1](r) + "</td>").join("") + "</tr>" +
        (opened.has(r.seq) ? "<tr class=bodies data-seq=" + esc(r.seq) + "><td colspan=" + requestCols.length + "><h3>request body</h3><pre class=request-body>" + esc(bodyText(r.requestBody)) + "</pre><h3>response body</h3><pre class=response-body>" + esc(bodyText(r.responseBody)) + "</pre></td></tr>" : "")).join(""))
}
$("#requests-table").onclick = (e) => {
  const row = e.target.closest("tr.req")
  if (!row) return
  const seq = Number(row.dataset.seq)
  if (!opened.delete(seq)) opened.add(seq)
  showRequests()
}
const refresh = async () => {
  const info = await api("GET", "/emulator")
  if (project === "") project = info.defaultProjectId
  $("#project").innerHTML = info.projectIds.map((p) => "<option" + (p === project ? " selected" : "") + ">" + esc(p) + "</option>").join("")
  $("#now").textContent = new Date(info.now).toISOString()
  const state = await api("GET", "/emulator/export" + q())
  table("#users", [["login ids", (u) => esc([u.loginId, ...(u.additionalLoginIds ?? [])].join(", "))], ["user id", (u) => "<code>" + esc(u.userId) + "</code>"], ["e-mail", (u) => esc(u.email)], ["status", (u) => esc(u.status)], ["roles", (u) => esc((u.roleNames ?? []).join(", "))], ["tenants", (u) => esc((u.userTenants ?? []).map((t) => t.tenantId + ": " + (t.roleNames ?? []).join(" ")).join("; "))], ["test", (u) => u.test ? "yes" : ""]], state.users ?? [])
  table("#tenants", [["id", (t) => esc(t.id)], ["name", (t) => esc(t.name)], ["domains", (t) => esc((t.domains ?? []).join(", "))]], state.tenants ?? [])
  table("#roles", [["name", (r) => esc(r.name)], ["tenant", (r) => esc(r.tenantId)], ["permissions", (r) => esc((r.permissionNames ?? []).join(", "))]], state.roles ?? [])
  table("#keys", [["id", (k) => "<code>" + esc(k.id) + "</code>"], ["name", (k) => esc(k.name)], ["status", (k) => esc(k.status)], ["roles", (k) => esc((k.roleNames ?? []).join(", "))]], state.accessKeys ?? [])
  const outbox = await api("GET", "/emulator/outbox" + q())
  table("#outbox-table", [["sent", (m) => esc(new Date(m.sentAt).toISOString())], ["kind", (m) => esc(m.kind)], ["to", (m) => esc(m.to)], ["code", (m) => m.code ? "<code class=code>" + esc(m.code) + "</code>" : ""], ["link", (m) => m.link ? "<a href='" + esc(m.link) + "'>" + esc(m.link) + "</a>" + (m.kind === "magiclink" || m.kind === "invite" ? " <button class=signin data-token='" + esc(m.token) + "'>sign in</button>" : "") : ""]], [...outbox.messages].reverse())
  for (const b of document.querySelectorAll("button.signin")) b.onclick = () => signIn(b.dataset.token)
  requests = [...(await api("GET", "/emulator/requests")).requests].reverse()
  showRequests()
  const faults = await api("GET", "/emulator/faults")
  table("#faults-table", [["id", (f) => esc(f.id)], ["method", (f) => esc(f.method)], ["path", (f) => "<code>" + esc(f.path) + "</code>"], ["status", (f) => esc(f.status)], ["latency", (f) => esc(f.latencyMs)], ["remaining", (f) => esc(f.remaining ?? "always")], ["hits", (f) => esc(f.hits)]], faults.faults)
}
$("#project").onchange = (e) => { project = e.target.value; refresh() }
for (const a of document.querySelectorAll("nav a")) a.onclick = (e) => { e.preventDefault(); location.hash = a.dataset.tab; show(a.dataset.tab) }
$("#fault-form").onsubmit = async (e) => {
  e.preventDefault()
  const f = new FormData(e.target), spec = { path: f.get("path") }
  if (f.get("method")) spec.method = f.get("method")
  if (f.get("status")) spec.status = Number(f.get("status"))
  if (f.get("times")) spec.times = Number(f.get("times"))
  await api("POST", "/emulator/faults", spec)
  refresh()
}
$("#clear-faults").onclick = async () => { await api("DELETE", "/emulator/faults"); refresh() }
$("#advance").onclick = async () => { await api("POST", "/emulator/time/advance", { seconds: Number($("#seconds").value) }); refresh() }
$("#rotate").onclick = async () => { const r = await api("POST", "/emulator/keys/rotate" + q()); $("#kid").textContent = r.kid; refresh() }
show(location.hash.slice(1) || "state")
refresh()
setInterval(refresh, 1000)
`

/**
 * The inspector's page.
 *
 * @since 0.2.0
 * @category constants
 */
export const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Descope emulator</title><style>${STYLE}</style></head>
<body>
<header><h1>Descope emulator</h1>
<nav><a href="#state" data-tab="state">State</a><a href="#outbox" data-tab="outbox">Outbox</a><a href="#requests" data-tab="requests">Requests</a><a href="#faults" data-tab="faults">Faults</a><a href="#clock" data-tab="clock">Clock &amp; keys</a></nav>
<label>project <select id="project"></select></label></header>
<main>
<section id="state"><h2>Users</h2><table id="users"></table><h2>Tenants</h2><table id="tenants"></table>
<h2>Roles</h2><table id="roles"></table><h2>Access keys</h2><table id="keys"></table></section>
<section id="outbox"><h2>Outbox</h2><div id="result"></div><table id="outbox-table"></table></section>
<section id="requests"><h2>Last requests</h2><p>Method, path, status, latency and error code. Click a request for its request and response bodies (the first ${BodyCapture.MAX_BODY_BYTES} bytes of each), redacted: numbers, booleans and null as sent; a string only under a member known to hold no secret; every other string <code>[redacted]</code>, so never a code, password, token, key or link. Never headers or query strings.</p>
<details id="shown"><summary>members whose strings are shown</summary><p><code>${
  [...Redaction.SHOWN].join(", ")
}</code>; and, without query string or fragment, <code>${
  [...Redaction.SHOWN_URLS].join(", ")
}</code>. Below ${Redaction.MAX_DEPTH} levels: <code>${Redaction.TOO_DEEP}</code>.</p></details>
<table id="requests-table"></table></section>
<section id="faults"><h2>Faults</h2>
<form id="fault-form"><input name="path" placeholder="path pattern, e.g. /**" required><input name="method" placeholder="method"><input name="status" placeholder="status" size="6"><input name="times" placeholder="times" size="6"><button type="submit" id="add-fault">add</button><button type="button" id="clear-faults">clear all</button></form>
<table id="faults-table"></table></section>
<section id="clock"><h2>Clock</h2><div class="row">emulator time <code id="now"></code></div>
<div class="row"><input id="seconds" value="60" size="8"> seconds <button id="advance">advance</button></div>
<h2>Signing keys</h2><div class="row"><button id="rotate">rotate</button> <code id="kid"></code></div></section>
</main>
<script>${SCRIPT}</script>
</body></html>
`

/**
 * The inspector's routes: the page, and the last requests it lists (bodies redacted).
 *
 * @since 0.2.0
 * @category routes
 */
export const routes: ReadonlyArray<Route> = [
  {
    ...H.get("/emulator/ui", "control", (ctx) =>
      ctx.env.config.ui
        ? Effect.succeed(HttpServerResponse.text(page, { contentType: "text/html; charset=utf-8" }))
        : W.notFound("the inspector (the emulator runs with --no-ui)")),
    unlocked: true
  },
  {
    ...H.get("/emulator/requests", "control", (ctx) => Effect.succeed({ requests: RequestLog.records(ctx.env) })),
    unlocked: true
  }
]
