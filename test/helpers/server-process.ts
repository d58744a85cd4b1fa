import { spawn } from 'node:child_process'

/** Starts the compiled server (`bundle`, from buildServer) as a real process and waits for its banner. */
export function startServerProcess(
  bundle: string,
  env: Record<string, string>,
  as?: { uid: number; gid: number },
) {
  const child = spawn(process.execPath, ['--enable-source-maps', bundle], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...as,
  })
  let out = ''
  let err = ''
  child.stdout.on('data', (d) => {
    out += d
  })
  child.stderr.on('data', (d) => {
    err += d
  })
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('Press Ctrl+C')) {
        clearInterval(timer)
        resolve(out)
      }
    }, 50)
    child.on('exit', (code) => {
      clearInterval(timer)
      reject(new Error(`exited ${code}: ${err}`))
    })
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  /** The server's origin, read off its banner (asked for only where the server is expected up). */
  const origin = () => ready.then((banner) => new URL(banner.match(/running on (http:\/\/\S+)/)![1]!).origin)
  return { child, ready, origin, exited, stderr: () => err, stdout: () => out }
}
