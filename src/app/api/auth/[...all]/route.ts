import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/server/auth";

// Better Auth's own endpoints: sign-in, sign-out, session.
const handler = (request: Request) => auth().handler(request);
export const { GET, POST } = toNextJsHandler(handler);
