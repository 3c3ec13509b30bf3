/**
 * The environment of a release build. Vitest sets NODE_ENV=test (and MODE, DEV, PROD …); a build that
 * inherits it bundles Preact's development JSX, with this machine's absolute file paths, into the add-on.
 */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);

export function releaseEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !VITEST_VARIABLES.has(name) && !name.startsWith('VITEST')),
  );
}
