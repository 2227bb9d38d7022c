import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@typescript-eslint": tseslint.plugin },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/generated/*", "@/server/db"],
              message: "Pages and components read through features/*/queries.ts, never Prisma directly.",
            },
          ],
        },
      ],
    },
  },
  {
    // Only the data layer may touch Prisma.
    files: [
      "server/**",
      "features/**/queries.ts",
      "features/**/*-sql.ts",
      "features/**/actions.ts",
      "features/**/mutations.ts",
      "prisma/**",
      "scripts/**",
      "tests/**",
      "**/*.test.ts",
    ],
    rules: { "no-restricted-imports": "off" },
  },
]);
