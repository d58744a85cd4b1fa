import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { PROJECT_ROOT } from './project-root.ts'

/** Where `npm start` runs the server from: one level below the project, like server/project-root.ts. */
const SERVER_BUNDLE = join(PROJECT_ROOT, 'dist', 'server.mjs')

/**
 * Compiles the server into one JavaScript file, packages left as imports. Running TypeScript
 * through tsx wraps every function it creates in a naming helper and loads each file through a
 * loader; compiled, the kiosk start screen took a fifth less CPU per request (decision 0018).
 */
export async function buildServer(): Promise<string> {
  await build({
    entryPoints: [join(PROJECT_ROOT, 'server', 'main.ts')],
    outfile: SERVER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    tsconfig: join(PROJECT_ROOT, 'tsconfig.json'),
    logLevel: 'warning',
  })
  return SERVER_BUNDLE
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await buildServer()
