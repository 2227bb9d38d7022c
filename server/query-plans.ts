import { LRUCache } from "lru-cache";
import { QueryCompiler as PostgresQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.postgresql.mjs";
import { QueryCompiler as SQLiteQueryCompiler } from "@prisma/client/runtime/query_compiler_bg.sqlite.mjs";
import { Prisma } from "@/generated/prisma/client";

// Prisma 6 compiles every query to a plan, in WebAssembly on the server's one thread, each time it
// is asked: 0.1-0.9 ms a query. Rendering the dashboard anew asks some 35, nearly all the same as
// the last time (a sixth of that thread's time in a renewal of the figures, measured in a CPU
// profile at bench scale). Prisma 7.4 keeps plans itself (prisma/orm#29038), but its CLI does not
// run here (../shared/STACK.md). So the plans of reads are kept here, by the query as Prisma sends
// it to the compiler: its JSON, values included, so only the very same query finds one. A plan is a
// pure function of that JSON and of the compiler that made it (its schema, database and connection:
// a client's own, so plans are kept per compiler); the values a write generates (ids, now()) are
// not in it, and writes are not kept anyway.

/** The compiler's one method used: a query's JSON to its plan. */
interface CompilerClass {
  prototype: { compile(request: string): unknown };
}

/**
 * The actions whose plans are kept: reads (findMany, findUniqueOrThrow…; a count is sent as an
 * aggregate), and raw SQL (its plan is the statement and its values).
 */
const keptAction =
  /^\{(?:"modelName":"[A-Za-z0-9_]+",)?"action":"(?:find[A-Za-z]*|aggregate|groupBy|queryRaw)"/;

/** Past this length a query is compiled each time: long lists of ids are rarely asked twice. */
const longestKept = 10_000;

/** Each compiler's plans (every client has a compiler of its own), 500 at most. */
const plansOf = new WeakMap<object, LRUCache<string, object>>();
const counts = { kept: 0, compiled: 0 };
const wrapped = Symbol.for("pledgewatch.keptQueryPlans");

/** Freezes a plan and all it holds: one executor mutating a shared plan would fail, not corrupt it. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Wraps a compiler class's `compile` to keep the plans of reads (once: a second call does nothing). */
export function keepPlansOf(compiler: CompilerClass) {
  const prototype = compiler.prototype as CompilerClass["prototype"] & { [wrapped]?: true };
  if (prototype[wrapped]) return;
  const compile = prototype.compile;
  prototype.compile = function compileOrKept(this: object, request: string) {
    let plans = plansOf.get(this);
    if (!plans) plansOf.set(this, (plans = new LRUCache({ max: 500 })));
    const keep = request.length <= longestKept && keptAction.test(request);
    const held = keep ? plans.get(request) : undefined;
    if (held) {
      counts.kept += 1;
      return held;
    }
    counts.compiled += 1;
    const plan = compile.call(this, request);
    if (keep && typeof plan === "object" && plan !== null) plans.set(request, deepFreeze(plan));
    return plan;
  };
  prototype[wrapped] = true;
}

/**
 * Keeps the plans of reads for every Prisma client of this process (on either database), from now
 * on. Only on Prisma 6: a later version keeps its own plans. (The compilers are imported above by
 * their Prisma 6 paths: an upgrade that moves them fails at that import, to be looked at again.)
 */
export function keepQueryPlans(): void {
  if (!Prisma.prismaVersion.client.startsWith("6.")) return;
  keepPlansOf(SQLiteQueryCompiler);
  keepPlansOf(PostgresQueryCompiler);
}

/** How many plans were found kept and how many compiled, since the process started (for tests). */
export const queryPlanCounts = () => ({ ...counts });
