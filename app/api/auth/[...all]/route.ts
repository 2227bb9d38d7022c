import { handleAuthRequest } from "@/server/auth-gate";

// Better Auth's endpoints that Pledgewatch uses (sign-in, sign-out, session), behind our gate.
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
