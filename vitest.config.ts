import {configDefaults, defineConfig} from "vitest/config";

// Two projects over the files test/**/*.test.ts: the browser tests get a global setup that builds the site once,
// serves it and starts Chromium. Vitest runs a project's global setup only when that project has files to run, so
// `npx vitest run test/loaders` never builds the site. (No `extends`: it would merge the include lists.)
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/browser/**"],
          testTimeout: 60_000
        }
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          globalSetup: ["test/browser/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000
        }
      }
    ]
  }
});
