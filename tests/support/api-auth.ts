import type { Role } from "@/lib/access";

/** Headers carrying a fresh API token of `role` in the test database (call after the seed). */
export async function bearerHeaders(role: Role): Promise<Record<string, string>> {
  const [{ db }, { createApiToken }] = await Promise.all([
    import("@/server/db"),
    import("@/server/api-tokens"),
  ]);
  const { token } = await createApiToken(db(), { name: `test ${role}`, role }, null);
  return { authorization: `Bearer ${token}` };
}

/** The second argument Next.js passes a route handler. */
export const routeContext = <P extends Record<string, string>>(params: P) => ({
  params: Promise.resolve(params),
});
