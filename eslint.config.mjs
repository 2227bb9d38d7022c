import { readdirSync } from "node:fs";
import path from "node:path";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import tseslint from "typescript-eslint";

// The layers: app → features → server and lib; components (shared UI) and lib beneath them all.
// A feature reaches another only through its entry points: index.ts (what it offers the server),
// schemas.ts (what its input looks like, safe for the browser), queries.ts and mutations.ts (its
// reads and writes), actions.ts and components/ (its UI), and pledges' selection-sql.ts (what a view
// selects, shared by every reader of pledges). forms/ is the kit every form shares.
const features = readdirSync(path.join(import.meta.dirname, "features"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
// The plugin matches exceptions to glob zones against absolute paths.
const fromRoot = (pattern) => path.join(import.meta.dirname, pattern);
const entryPoints = ["index", "schemas", "queries", "mutations", "actions", "selection-sql"].map((name) =>
  fromRoot(`features/*/${name}.ts`),
);
const layerZones = [
  {
    target: "./lib",
    from: ["./app", "./components", "./features", "./server"],
    message: "lib/ is plain code: it imports nothing of the app.",
  },
  {
    target: "./server",
    from: ["./app", "./components", "./features"],
    message: "server/ sits beneath the features.",
  },
  {
    target: "./components",
    from: ["./app", "./features", "./server"],
    message: "components/ is shared UI: it knows no feature.",
  },
  { target: "./features", from: ["./app"], message: "Features never import routes." },
];
const throughEntryPoints = [
  ...entryPoints,
  fromRoot("features/*/components/**"),
  fromRoot("features/forms/**"),
];
const entryMessage =
  "Reach a feature through its entry points: index.ts, schemas.ts, queries.ts, mutations.ts, actions.ts, selection-sql.ts, components/.";
const featureZones = features.map((feature) => ({
  target: `./features/${feature}/**`,
  from: features.filter((other) => other !== feature).map((other) => `./features/${other}/**`),
  except: throughEntryPoints,
  message: entryMessage,
}));
// Routes too see a feature only through its entry points.
const routeZone = {
  target: "./app/**",
  from: features.map((feature) => `./features/${feature}/**`),
  except: throughEntryPoints,
  message: entryMessage,
};

// Props whose value a person reads, and what counts as words (two letters in a row).
const readProps =
  "/^(aria-label|title|placeholder|alt|label|hint|caption|legend|heading|empty|explanation|submitLabel|noteLabel|dateLabel|dateHint)$/";
const words = "/[A-Za-z]{2}/";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".next-bench/**",
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
      "import/no-restricted-paths": [
        "error",
        { basePath: import.meta.dirname, zones: [...layerZones, ...featureZones, routeZone] },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
      // Every schema's own messages in the reader's language, zod's defaults too (lib/zod.ts).
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "zod",
              message: "Import z from @/lib/zod, whose default messages are the catalog's.",
              allowTypeImports: true,
            },
          ],
        },
      ],
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
  {
    // Tests may look inside a feature; the layers still hold.
    files: ["**/*.test.ts", "tests/**"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        { zones: layerZones.filter((zone) => zone.target !== "./features") },
      ],
    },
  },
  {
    files: ["**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    rules: {
      "react/jsx-no-literals": [
        "error",
        {
          noStrings: true,
          ignoreProps: true,
          // Punctuation and signs, the same in every language.
          allowedStrings: [
            "·",
            "—",
            "–",
            "(",
            ")",
            "[",
            "]",
            ":",
            ",",
            ".",
            "…",
            "→",
            "←",
            "%",
            "/",
            "|",
            "×",
            "▲",
            "▼",
            "↕",
            "*",
            "▾",
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        ...[
          // Props that are words: a literal, or a template with words in it.
          `JSXAttribute[name.name=${readProps}] > Literal[value=${words}]`,
          `JSXAttribute[name.name=${readProps}] > JSXExpressionContainer > Literal[value=${words}]`,
          `JSXAttribute[name.name=${readProps}] > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${words}]`,
          // Children that are words, behind a condition or in a template.
          `JSXElement > JSXExpressionContainer > ConditionalExpression > Literal[value=${words}]`,
          `JSXElement > JSXExpressionContainer > LogicalExpression > Literal[value=${words}]`,
          `JSXElement > JSXExpressionContainer > TemplateLiteral > TemplateElement[value.raw=${words}]`,
        ].map((selector) => ({
          selector,
          message: "Words a person reads come from the catalogs (messages/*.json).",
        })),
      ],
    },
  },
]);
