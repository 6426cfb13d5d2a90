// The recorded-wire rows of permissions, roles and groups (run by test/management-wire-authz.test.ts, checked complete against the
// wire catalogue by test/wire-rows-complete.test.ts): the exact method, path, query and JSON body
// written as literals, and the decoding of each answer.
import { assert } from "@effect/vitest"
import { isVoid, type Row } from "../management.js"

const ROLE = { name: "editor", description: "Edits", permissionNames: ["docs.write"], createdTime: 1700000000 }

export const permissionRows: ReadonlyArray<Row> = [
  {
    name: "permission.create",
    run: (m) => m.permission.create({ name: "read", description: "Read things" }),
    method: "POST",
    path: "/v1/mgmt/permission/create",
    body: { name: "read", description: "Read things" },
    check: isVoid
  },
  {
    name: "permission.update",
    run: (m) => m.permission.update({ name: "read", newName: "view" }),
    method: "POST",
    path: "/v1/mgmt/permission/update",
    body: { name: "read", newName: "view" },
    check: isVoid
  },
  {
    name: "permission.delete",
    run: (m) => m.permission.delete("read"),
    method: "POST",
    path: "/v1/mgmt/permission/delete",
    body: { name: "read" },
    check: isVoid
  },
  {
    name: "permission.loadAll",
    run: (m) => m.permission.loadAll(),
    method: "GET",
    path: "/v1/mgmt/permission/all",
    response: { permissions: [{ name: "read", description: "Read things", systemDefault: false }] },
    check: (result) =>
      assert.deepStrictEqual(result, [{ name: "read", description: "Read things", systemDefault: false }])
  },
  {
    name: "permission.createBatch",
    run: (m) => m.permission.createBatch([{ name: "docs.read", description: "Read" }, { name: "docs.write" }]),
    method: "POST",
    path: "/v1/mgmt/permission/create/batch",
    body: { permissions: [{ name: "docs.read", description: "Read" }, { name: "docs.write" }] },
    check: isVoid
  },
  {
    name: "permission.updateBatch",
    run: (m) =>
      m.permission.updateBatch([
        { name: "docs.read", newName: "documents.read", description: "Read docs" },
        { id: "PRM1", newName: "documents.write" }
      ]),
    method: "POST",
    path: "/v1/mgmt/permission/update/batch",
    body: {
      permissions: [
        { name: "docs.read", newName: "documents.read", description: "Read docs" },
        { id: "PRM1", newName: "documents.write" }
      ]
    },
    check: isVoid
  },
  {
    name: "permission.deleteBatch",
    run: (m) => m.permission.deleteBatch({ names: ["docs.read"], ids: ["PRM1"] }),
    method: "POST",
    path: "/v1/mgmt/permission/delete/batch",
    body: { names: ["docs.read"], ids: ["PRM1"] },
    check: isVoid
  },
  {
    name: "permission.updateById",
    run: (m) => m.permission.updateById({ id: "PRM1", newName: "docs.edit", description: "Edit" }),
    method: "POST",
    path: "/v1/mgmt/permission/update",
    body: { id: "PRM1", newName: "docs.edit", description: "Edit" },
    check: isVoid
  },
  {
    name: "permission.deleteById",
    run: (m) => m.permission.deleteById("PRM1"),
    method: "POST",
    path: "/v1/mgmt/permission/delete",
    body: { id: "PRM1" },
    check: isVoid
  },
  {
    name: "permission.deleteBatchByIds",
    run: (m) => m.permission.deleteBatchByIds(["PRM1", "PRM2"]),
    method: "POST",
    path: "/v1/mgmt/permission/delete/batch",
    body: { ids: ["PRM1", "PRM2"] },
    check: isVoid
  }
]

export const roleRows: ReadonlyArray<Row> = [
  {
    name: "role.create",
    run: (m) =>
      m.role.create({ name: "admin", description: "Admins", permissionNames: ["read"], tenantId: "T1", default: true }),
    method: "POST",
    path: "/v1/mgmt/role/create",
    body: { name: "admin", description: "Admins", permissionNames: ["read"], tenantId: "T1", default: true },
    check: isVoid
  },
  {
    name: "role.update",
    run: (m) => m.role.update({ name: "admin", newName: "owner", permissionNames: ["read", "write"] }),
    method: "POST",
    path: "/v1/mgmt/role/update",
    body: { name: "admin", newName: "owner", permissionNames: ["read", "write"] },
    check: isVoid
  },
  {
    name: "role.delete",
    run: (m) => m.role.delete({ name: "admin", tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/delete",
    body: { name: "admin", tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.loadAll",
    run: (m) => m.role.loadAll(),
    method: "GET",
    path: "/v1/mgmt/role/all",
    response: { roles: [{ name: "admin", permissionNames: ["read"], createdTime: 1700000000, tenantId: "T1" }] },
    check: (result) =>
      assert.deepStrictEqual(result, [{
        name: "admin",
        permissionNames: ["read"],
        createdTime: 1700000000,
        tenantId: "T1"
      }])
  },
  {
    name: "role.search",
    run: (m) => m.role.search({ tenantIds: ["T1"], roleNameLike: "adm", includeProjectRoles: true }),
    method: "POST",
    path: "/v1/mgmt/role/search",
    body: { tenantIds: ["T1"], roleNameLike: "adm", includeProjectRoles: true },
    response: { roles: [{ name: "admin" }] },
    check: (result) => assert.deepStrictEqual(result, [{ name: "admin" }])
  },
  {
    name: "role.updateById",
    run: (m) => m.role.updateById({ id: "ROL1", newName: "writer", permissionNames: ["docs.write"], tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/update",
    body: { id: "ROL1", newName: "writer", permissionNames: ["docs.write"], tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.deleteById",
    run: (m) => m.role.deleteById({ id: "ROL1", tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/delete",
    body: { id: "ROL1", tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.deleteBatchByIds",
    run: (m) => m.role.deleteBatchByIds({ roleIds: ["ROL1", "ROL2"] }),
    method: "POST",
    path: "/v1/mgmt/role/delete/batch",
    body: { roleIds: ["ROL1", "ROL2"] },
    check: isVoid
  },
  {
    name: "role.search (roleIds)",
    run: (m) => m.role.search({ roleIds: ["ROL1"], includeProjectRoles: true }),
    method: "POST",
    path: "/v1/mgmt/role/search",
    body: { roleIds: ["ROL1"], includeProjectRoles: true },
    response: { roles: [ROLE] },
    check: (result) => assert.deepStrictEqual(result, [ROLE])
  },
  {
    name: "role.createBatch",
    run: (m) =>
      m.role.createBatch([
        { name: "editor", description: "Edits", permissionNames: ["docs.write"] },
        { name: "t-admin", tenantId: "T1", default: true, private: false }
      ]),
    method: "POST",
    path: "/v1/mgmt/role/create/batch",
    body: {
      roles: [
        { name: "editor", description: "Edits", permissionNames: ["docs.write"] },
        { name: "t-admin", tenantId: "T1", default: true, private: false }
      ]
    },
    response: { roles: [ROLE] },
    check: (result) => assert.deepStrictEqual(result, [ROLE])
  },
  {
    name: "role.updateBatch",
    run: (m) =>
      m.role.updateBatch([
        { name: "editor", newName: "writer", permissionNames: ["docs.write", "docs.read"] },
        { id: "ROL1", newName: "owner", tenantId: "T1" }
      ]),
    method: "POST",
    path: "/v1/mgmt/role/update/batch",
    body: {
      roles: [
        { name: "editor", newName: "writer", permissionNames: ["docs.write", "docs.read"] },
        { id: "ROL1", newName: "owner", tenantId: "T1" }
      ]
    },
    response: { roles: [{ ...ROLE, name: "writer" }] },
    check: (result) => assert.deepStrictEqual(result, [{ ...ROLE, name: "writer" }])
  },
  {
    name: "role.deleteBatch",
    run: (m) => m.role.deleteBatch({ roleNames: ["editor", "writer"], tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/role/delete/batch",
    body: { roleNames: ["editor", "writer"], tenantId: "T1" },
    check: isVoid
  },
  {
    name: "role.deleteBatch (by ids)",
    run: (m) => m.role.deleteBatch({ roleIds: ["ROL1"] }),
    method: "POST",
    path: "/v1/mgmt/role/delete/batch",
    body: { roleIds: ["ROL1"] },
    check: isVoid
  }
]

export const groupRows: ReadonlyArray<Row> = [
  {
    name: "group.loadAllGroups",
    run: (m) => m.group.loadAllGroups("T1"),
    method: "POST",
    path: "/v1/mgmt/group/all",
    body: { tenantId: "T1" },
    response: [{ id: "G1", display: "Engineers", source: "scim", ssoId: "default_ssoid" }],
    check: (result) =>
      assert.deepStrictEqual(result, [{ id: "G1", display: "Engineers", source: "scim", ssoId: "default_ssoid" }])
  },
  {
    name: "group.loadAllGroupsForMembers",
    run: (m) => m.group.loadAllGroupsForMembers({ tenantId: "T1", userIds: ["U1"] }),
    method: "POST",
    path: "/v1/mgmt/group/member/all",
    body: { tenantId: "T1", loginIds: [], userIds: ["U1"] },
    response: [{ id: "G1", display: "Engineers" }],
    check: (result) => assert.deepStrictEqual(result, [{ id: "G1", display: "Engineers" }])
  },
  {
    name: "group.loadAllGroupMembers",
    run: (m) => m.group.loadAllGroupMembers({ tenantId: "T1", groupId: "G1" }),
    method: "POST",
    path: "/v1/mgmt/group/members",
    body: { tenantId: "T1", groupId: "G1" },
    response: [{
      id: "G1",
      display: "Engineers",
      members: [{ loginId: "ada@example.com", userId: "U1", display: "Ada" }]
    }],
    check: (result) =>
      assert.deepStrictEqual(result, [
        { id: "G1", display: "Engineers", members: [{ loginId: "ada@example.com", userId: "U1", display: "Ada" }] }
      ])
  },
  {
    name: "group.loadAllGroups of one SSO configuration",
    run: (m) => m.group.loadAllGroups({ tenantId: "T1", ssoId: "sso2" }),
    method: "POST",
    path: "/v1/mgmt/group/all",
    body: { tenantId: "T1", ssoId: "sso2" },
    response: [{ id: "G1", display: "Engineers", ssoId: "sso2" }],
    check: (result) => assert.deepStrictEqual(result, [{ id: "G1", display: "Engineers", ssoId: "sso2" }])
  },
  {
    name: "group.loadAllGroups by tenant object without ssoId",
    run: (m) => m.group.loadAllGroups({ tenantId: "T1" }),
    method: "POST",
    path: "/v1/mgmt/group/all",
    body: { tenantId: "T1" },
    response: []
  }
]
