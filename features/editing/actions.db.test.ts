// Every server action × {anonymous, viewer, analyst, admin}: the role is checked by the action
// itself, first. Allowed callers send an empty form, which fails validation without writing.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { roles, type Role } from "@/lib/access";
import { bearerHeaders } from "@tests/api-auth";
import { seededTestDatabase } from "@tests/seeded-database";

let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const { db } = await seededTestDatabase();
const actions = {
  ...(await import("./actions")),
  ...(await import("@/features/admin/actions")),
  ...(await import("@/features/account/actions")),
};

const least: Record<keyof typeof actions, Role> = {
  savePledgeAction: "analyst",
  deletePledgeAction: "analyst",
  restorePledgeAction: "analyst",
  recordStatusAction: "analyst",
  recordDeliveryAction: "analyst",
  saveRecordAction: "analyst",
  createStakeholderAction: "analyst",
  deleteRecordAction: "analyst",
  createAccountAction: "admin",
  changeRoleAction: "admin",
  createTokenAction: "admin",
  revokeTokenAction: "admin",
  deactivateAccountAction: "admin",
  reactivateAccountAction: "admin",
  resetPasswordAction: "admin",
  renameAccountAction: "admin",
  changeOwnNameAction: "viewer",
  changeOwnPasswordAction: "viewer",
  createFeedTokenAction: "viewer",
  revokeFeedTokenAction: "viewer",
};

const tokens: Partial<Record<Role, Record<string, string>>> = {};
beforeAll(async () => {
  for (const role of roles) tokens[role] = await bearerHeaders(role);
});

describe("server actions", () => {
  for (const who of ["anonymous", ...roles] as const) {
    it(`check the role of ${who} before anything else`, async () => {
      requestHeaders = new Headers(who === "anonymous" ? {} : tokens[who]);
      const audit = await db().auditEntry.count();
      for (const [name, action] of Object.entries(actions)) {
        const form = new FormData();
        form.set("recordKind", "stakeholder");
        const state = await action({ status: "idle" }, form);
        const allowed =
          who !== "anonymous" && roles.indexOf(who) >= roles.indexOf(least[name as keyof typeof actions]);
        const cell = `${who} ${name}: ${state.message}`;
        expect(state.status, cell).toBe("error");
        if (who === "anonymous") expect(state.message, cell).toMatch(/^Sign in/);
        else if (!allowed) expect(state.message, cell).toMatch(/Your role|Only admins/);
        else expect(state.message, cell).not.toMatch(/^Sign in|Your role|Only admins/);
      }
      expect(await db().auditEntry.count()).toBe(audit);
    });
  }
});

describe("a stakeholder created from the pledge form's picker", () => {
  it("is written and audited like one from Records, and answers its id for the form to link", async () => {
    requestHeaders = new Headers(tokens.analyst);
    const form = new FormData();
    form.set("name", "Picker Atlantis");
    form.set("kind", "state");
    const state = await actions.createStakeholderAction({ status: "idle" }, form);
    expect(state.status).toBe("saved");
    const stored = await db().stakeholder.findUniqueOrThrow({ where: { id: state.created!.id } });
    expect(stored).toMatchObject({ name: "Picker Atlantis", kind: "state", slug: "picker-atlantis" });
    expect(state.created!.label).toBe("Picker Atlantis");
    const audit = await db().auditEntry.findFirst({ where: { entityId: stored.id } });
    expect(audit).toMatchObject({ action: "create", entityType: "Stakeholder" });
  });

  it("refuses a missing kind field by field, writing nothing", async () => {
    requestHeaders = new Headers(tokens.analyst);
    const before = await db().stakeholder.count();
    const form = new FormData();
    form.set("name", "Picker Nowhere");
    const state = await actions.createStakeholderAction({ status: "idle" }, form);
    expect(state.status).toBe("error");
    expect(state.fields?.kind).toBeTruthy();
    expect(state.created).toBeUndefined();
    expect(await db().stakeholder.count()).toBe(before);
  });
});
