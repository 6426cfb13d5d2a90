// Every recorded-wire row table, by client: test/wire-rows-complete.test.ts checks them against the wire
// catalogue (src/wire), each table's own test file runs its rows.
import type { AuthRow } from "../authWire.js"
import type { Row } from "../management.js"
import { enchantedLinkRows } from "./auth-enchantedlink.js"
import { magicLinkRows } from "./auth-magiclink.js"
import { notpRows } from "./auth-notp.js"
import { oauthRows } from "./auth-oauth.js"
import { otpRows } from "./auth-otp.js"
import { flowRows as authFlowRows, outboundRows } from "./auth-outbound-flow.js"
import { samlRows, ssoRows as authSsoRows } from "./auth-saml-sso.js"
import { keysRows, sessionRows } from "./auth-session.js"
import { passwordRows as authPasswordRows, totpRows } from "./auth-totp-password.js"
import { webauthnRows } from "./auth-webauthn.js"
import { accessKeyRows } from "./mgmt-accesskey.js"
import { analyticsRows } from "./mgmt-analytics.js"
import { descoperRows } from "./mgmt-descoper.js"
import { engineRows, scopeClaimMappingRows } from "./mgmt-engine.js"
import { authzRows, fgaRows } from "./mgmt-fga.js"
import { inboundApplicationRows } from "./mgmt-inboundapplication.js"
import { jwtRows } from "./mgmt-jwt.js"
import { jwtTemplateRows } from "./mgmt-jwttemplate.js"
import { listRows } from "./mgmt-list.js"
import { managementKeyRows } from "./mgmt-managementkey.js"
import { outboundAppRows, outboundAppTokenRows } from "./mgmt-outboundapplication.js"
import { outboundScimRows } from "./mgmt-outboundscim.js"
import { auditRows, flowRows, passwordRows, projectRows, themeRows } from "./mgmt-project.js"
import { groupRows, permissionRows, roleRows } from "./mgmt-rbac.js"
import { xaaRows } from "./mgmt-sso-xaa.js"
import { ssoRows } from "./mgmt-sso.js"
import { ssoApplicationGoRows, ssoApplicationRows } from "./mgmt-ssoapplication.js"
import { tenantRows } from "./mgmt-tenant.js"
import { attributeRows } from "./mgmt-user-update.js"
import { lifeCycleRows } from "./mgmt-user.js"

/** The management tables, by the file that runs them. */
export const mgmtTables: Readonly<Record<string, ReadonlyArray<Row>>> = {
  "management-user-wire.test.ts": [...lifeCycleRows, ...attributeRows],
  "management-wire-accesskey.test.ts": accessKeyRows,
  "management-wire-analytics.test.ts": analyticsRows,
  "management-wire-authz.test.ts": [...permissionRows, ...roleRows, ...groupRows],
  "management-wire-descoper.test.ts": descoperRows,
  "management-wire-engine.test.ts": [...engineRows, ...scopeClaimMappingRows],
  "management-fga-wire.test.ts": [...fgaRows, ...authzRows],
  "management-wire-inboundapplication.test.ts": inboundApplicationRows,
  "management-wire-jwt.test.ts": jwtRows,
  "management-wire-jwttemplate.test.ts": jwtTemplateRows,
  "management-wire-list.test.ts": listRows,
  "management-wire-managementkey.test.ts": managementKeyRows,
  "management-wire-outboundapplication.test.ts": [...outboundAppRows, ...outboundAppTokenRows],
  "management-wire-outboundscim.test.ts": outboundScimRows,
  "management-wire-project.test.ts": [...auditRows, ...passwordRows, ...flowRows, ...themeRows, ...projectRows],
  "management-wire-sso.test.ts": [...ssoRows, ...xaaRows],
  "management-wire-ssoapplication.test.ts": [...ssoApplicationRows, ...ssoApplicationGoRows],
  "management-wire-tenant.test.ts": tenantRows
}

/** The authentication tables, by the file that runs them. */
export const authTables: Readonly<Record<string, ReadonlyArray<AuthRow>>> = {
  "auth-wire.test.ts": [
    ...otpRows,
    ...magicLinkRows,
    ...enchantedLinkRows,
    ...oauthRows,
    ...samlRows,
    ...authSsoRows,
    ...totpRows,
    ...authPasswordRows,
    ...webauthnRows,
    ...notpRows,
    ...outboundRows,
    ...authFlowRows,
    ...sessionRows,
    ...keysRows
  ]
}
