import path from "node:path";
import type { Role } from "../../../lib/access";

// The end-to-end server's accounts (scripts/e2e-server.sh creates them): one per role.
export const e2eUsers: Record<Role, { email: string; password: string; name: string }> = {
  admin: { email: "admin@e2e.test", password: "e2e-admin-password", name: "Erin Admin" },
  analyst: { email: "analyst@e2e.test", password: "e2e-analyst-password", name: "Ada Analyst" },
  viewer: { email: "viewer@e2e.test", password: "e2e-viewer-password", name: "Vic Viewer" },
};

/** Where the signed-in browser state of each role is kept between the setup and the specs. */
export const storageStateOf = (role: Role) => path.join("test-results", ".auth", `${role}.json`);
