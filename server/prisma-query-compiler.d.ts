// Prisma 6's query compilers (WebAssembly, one per database), which the generated clients load and
// server/query-plans.ts wraps. The package ships no types for them: only the method used is declared.

declare module "@prisma/client/runtime/query_compiler_bg.sqlite.mjs" {
  export class QueryCompiler {
    compile(request: string): unknown;
  }
}

declare module "@prisma/client/runtime/query_compiler_bg.postgresql.mjs" {
  export class QueryCompiler {
    compile(request: string): unknown;
  }
}
