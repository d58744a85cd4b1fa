import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'

/** Every process the bench started: killed when it exits, however it exits. */
export const children: ChildProcess[] = []
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL')
})

/**
 * Starts a Node process and resolves once its stdout matches `ready` (whose first group is the
 * port), with the time that took. `env` adds to the bench's environment; undefined removes.
 */
export function start(
  args: string[],
  env: Record<string, string | undefined>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number; ms: number; output: () => string }> {
  const started = performance.now()
  const merged = { ...process.env, ...env }
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k]
  const child = spawn(process.execPath, args, {
    env: merged,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  children.push(child)
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', (d) => {
      out = (out + d).slice(-100_000)
      const m = out.match(ready)
      if (m)
        resolve({
          child,
          port: Number(m[1]),
          ms: Math.round(performance.now() - started),
          output: () => out.slice(-4000),
        })
    })
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited ${code}`)))
  })
}

/** Sends SIGTERM and waits until the process has gone. */
export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

/** A process's resident memory now and its peak so far, in MB (Linux /proc). */
export function memoryMb(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const mb = (field: string) => {
    const m = status.match(new RegExp(`${field}:\\s+(\\d+) kB`))
    return m ? Math.round(Number(m[1]) / 1024) : Number.NaN
  }
  return { rssMb: mb('VmRSS'), peakRssMb: mb('VmHWM') }
}
