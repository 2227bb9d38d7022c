// The wrapping of a query compiler (server/query-plans.ts), on a compiler of its own that makes a
// new plan object every time, as Prisma's does.
import { expect, it } from "vitest";
import { keepPlansOf, queryPlanCounts } from "./query-plans";

class FakeCompiler {
  calls = 0;
  compile(request: string): unknown {
    this.calls += 1;
    return { request, steps: [{ args: { query: "SELECT 1" } }] };
  }
}
keepPlansOf(FakeCompiler);
// Wrapped once only: a second wrapping would count each compile twice, or keep nothing new.
keepPlansOf(FakeCompiler);

const read = (id: string) =>
  JSON.stringify({ modelName: "Pledge", action: "findUnique", query: { arguments: { where: { id } } } });

it("gives a read asked again the plan made the first time", () => {
  const compiler = new FakeCompiler();
  const before = queryPlanCounts().compiled;
  const first = compiler.compile(read("kept-1"));
  // Counted once: wrapped twice, one compile would count twice.
  expect(queryPlanCounts().compiled).toBe(before + 1);
  expect(compiler.compile(read("kept-1"))).toBe(first);
  expect(compiler.calls).toBe(1);
  expect(compiler.compile(read("kept-2"))).not.toBe(first);
  expect(compiler.calls).toBe(2);
});

it("keeps each compiler's plans apart: another client's compiler may compile the same query otherwise", () => {
  const one = new FakeCompiler();
  const other = new FakeCompiler();
  const plan = one.compile(read("apart"));
  expect(other.compile(read("apart"))).not.toBe(plan);
  expect([one.calls, other.calls]).toEqual([1, 1]);
  expect(one.compile(read("apart"))).toBe(plan);
});

it("hands out a plan frozen through and through: no executor can change what the next one gets", () => {
  const plan = new FakeCompiler().compile(read("frozen")) as { steps: { args: { query: string } }[] };
  expect(Object.isFrozen(plan)).toBe(true);
  expect(Object.isFrozen(plan.steps[0]!.args)).toBe(true);
  expect(() => {
    plan.steps[0]!.args.query = "DELETE FROM Pledge";
  }).toThrow(TypeError);
});

it("keeps raw SQL and every kind of read, and compiles writes every time", () => {
  const compiler = new FakeCompiler();
  const raw = JSON.stringify({
    action: "queryRaw",
    query: { arguments: { query: "SELECT 2", parameters: "[]" } },
  });
  const reads = [
    "findMany",
    "findFirst",
    "findFirstOrThrow",
    "findUniqueOrThrow",
    "aggregate",
    "groupBy",
  ].map((action) => JSON.stringify({ modelName: "Pledge", action, query: {} }));
  for (const request of [raw, ...reads]) compiler.compile(request);
  const compiled = compiler.calls;
  for (const request of [raw, ...reads]) compiler.compile(request);
  expect(compiler.calls).toBe(compiled);

  const create = JSON.stringify({ modelName: "AuditEntry", action: "createOne", query: {} });
  compiler.compile(create);
  compiler.compile(create);
  expect(compiler.calls).toBe(compiled + 2);
});

it("compiles a very long read every time rather than keep it", () => {
  const compiler = new FakeCompiler();
  const long = read("x".repeat(20_000));
  compiler.compile(long);
  compiler.compile(long);
  expect(compiler.calls).toBe(2);
});
