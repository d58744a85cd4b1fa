import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ServerType, serve } from '@hono/node-server'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema.ts'
import { PROJECT_ROOT } from '../../server/project-root.ts'
import { makeTestApp } from '../helpers/test-app.ts'

const NGINX_EXAMPLE = join(PROJECT_ROOT, 'docs/deploy/nginx-liaison.conf')
const UNIT = join(PROJECT_ROOT, 'docs/deploy/liaison.service')
const CERT_PATH = '/etc/letsencrypt/live/liaison.example.org/fullchain.pem'
const KEY_PATH = '/etc/letsencrypt/live/liaison.example.org/privkey.pem'

/** Linux answers on all of 127.0.0.0/8; TRUST_PROXY below trusts only 127.0.0.1 and ::1. */
const CLIENT = '127.0.0.2'

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0
const nginxReady = has('nginx') && has('openssl')

const dir = mkdtempSync(join(tmpdir(), 'liaison-deploy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A self-signed certificate for liaison.example.org, made once. */
function certificate() {
  const cert = join(dir, 'cert.pem')
  const key = join(dir, 'key.pem')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=liaison.example.org',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  )
  return { cert, key }
}

/** nginx's main file around the example's server blocks, with every path in a folder of its own. */
function nginxConf(name: string, site: string) {
  const root = mkdtempSync(join(dir, `${name}-`))
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${join(root, t)};`)
    .join('\n')
  writeFileSync(join(root, 'site.conf'), site)
  const user = process.getuid?.() === 0 ? 'user root;\n' : ''
  writeFileSync(
    join(root, 'nginx.conf'),
    `${user}pid ${join(root, 'nginx.pid')};\nerror_log ${join(root, 'error.log')};\nevents {}\nhttp {\n  access_log off;\n${temp}\n  include ${join(root, 'site.conf')};\n}\n`,
  )
  return { root, conf: join(root, 'nginx.conf') }
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

describe.skipIf(!nginxReady)('the nginx example', () => {
  it('passes nginx -t with a certificate in place', () => {
    const { cert, key } = certificate()
    const site = readFileSync(NGINX_EXAMPLE, 'utf8').replace(CERT_PATH, cert).replace(KEY_PATH, key)
    const { root, conf } = nginxConf('syntax', site)
    const run = spawnSync('nginx', ['-t', '-p', root, '-c', conf, '-e', join(root, 'error.log')], {
      encoding: 'utf8',
    })
    expect(run.stderr).toContain('test is successful')
    expect(run.status).toBe(0)
  })

  it('in front of Liaison: https cookies and HSTS, the client address from nginx and not the client', async () => {
    const t = await makeTestApp({ env: { TRUST_PROXY: '127.0.0.1,::1' } })
    const liaison: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s))
    })
    const { port: upstream } = liaison.address() as { port: number }
    const [https, http] = [await freePort(), await freePort()]
    const { cert, key } = certificate()
    const site = readFileSync(NGINX_EXAMPLE, 'utf8')
      .replace(CERT_PATH, cert)
      .replace(KEY_PATH, key)
      .replace('server 127.0.0.1:3000;', `server 127.0.0.1:${upstream};`)
      .replace(/listen 443 ssl http2;/, `listen 127.0.0.1:${https} ssl http2;`)
      .replace(/listen 80;/, `listen 127.0.0.1:${http};`)
      .replace(/\n\s*listen \[::\]:\d+[^;]*;/g, '')
    const { root, conf } = nginxConf('live', site)
    let nginx: ChildProcess | undefined
    try {
      nginx = spawn('nginx', ['-p', root, '-c', conf, '-e', join(root, 'error.log'), '-g', 'daemon off;'], {
        stdio: 'ignore',
      })
      const get = (
        path: string,
        init: { method?: string; headers?: Record<string, string>; body?: string } = {},
      ) =>
        new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
          (resolve, reject) => {
            const req = request(
              {
                host: '127.0.0.1',
                port: https,
                // A client that is not itself one of the trusted proxy addresses.
                localAddress: CLIENT,
                path,
                method: init.method ?? 'GET',
                headers: { host: 'liaison.example.org', ...init.headers },
                rejectUnauthorized: false,
              },
              (res) => {
                res.resume()
                res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }))
              },
            )
            req.on('error', reject)
            req.end(init.body)
          },
        )
      let page: Awaited<ReturnType<typeof get>> | undefined
      for (let i = 0; i < 100 && !page; i++)
        page = await get('/login').catch(
          () => new Promise<undefined>((r) => setTimeout(() => r(undefined), 50)),
        )
      expect(page!.status).toBe(200)
      expect(page!.headers['strict-transport-security']).toBe('max-age=31536000')
      const csrfLine = [page!.headers['set-cookie']].flat().find((l) => l?.startsWith('__Host-csrf='))!
      expect(csrfLine).toMatch(/Secure/)
      const csrf = /^__Host-csrf=([^;]+)/.exec(csrfLine)![1]!

      const body = new URLSearchParams({ username: 'admin', password: 'wrong', _csrf: csrf }).toString()
      const failed = await get('/login', {
        method: 'POST',
        headers: {
          cookie: `__Host-csrf=${csrf}`,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': String(Buffer.byteLength(body)),
          'x-forwarded-for': '6.6.6.6',
        },
        body,
      })
      expect(failed.status).toBe(401)
      const entry = t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed')).get()
      expect(entry?.detail).toMatchObject({ username: 'admin', address: CLIENT })
    } finally {
      nginx?.kill('SIGTERM')
      liaison.close()
    }
  }, 30_000)
})

/** The unit's settings by section; a key given twice keeps every value. */
function unitSettings(text: string) {
  const sections: Record<string, Record<string, string[]>> = {}
  let current: Record<string, string[]> | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line || line.startsWith('#') || line.startsWith(';')) continue
    const header = /^\[(.+)\]$/.exec(line)
    if (header) {
      current = {}
      sections[header[1]!] = current
      continue
    }
    const eq = line.indexOf('=')
    if (!current || eq < 0) throw new Error(`not a setting: ${line}`)
    const key = line.slice(0, eq)
    current[key] = [...(current[key] ?? []), line.slice(eq + 1)]
  }
  return sections
}

describe('the systemd unit', () => {
  const text = readFileSync(UNIT, 'utf8')

  it('runs Liaison unprivileged, behind the proxy, with a data folder only it can read', () => {
    const unit = unitSettings(text)
    const service = unit.Service!
    const one = (key: string) => service[key]?.at(-1)
    expect(Object.keys(unit)).toEqual(['Unit', 'Service', 'Install'])
    expect(one('User')).toMatch(/^[a-z][a-z0-9-]*$/)
    expect(one('User')).not.toBe('root')
    expect(one('ExecStart')).toMatch(/^\/\S+\/node .*dist\/server\.mjs$/)
    expect(one('StateDirectory')).toBe('liaison')
    expect(one('StateDirectoryMode')).toBe('0700')
    expect(one('UMask')).toBe('0077')
    expect(one('ProtectSystem')).toBe('strict')
    expect(one('ReadWritePaths')).toBe('/var/lib/liaison')
    expect(one('NoNewPrivileges')).toBe('yes')
    expect(one('CapabilityBoundingSet')).toBe('')
    const env = Object.fromEntries(
      (service.Environment ?? []).map((e) => e.split('=', 2) as [string, string]),
    )
    expect(env).toMatchObject({ HOST: '127.0.0.1', TRUST_PROXY: '127.0.0.1,::1' })
    expect(env.PUBLIC_URL).toMatch(/^https:\/\//)
    expect(env.DATABASE_PATH).toMatch(/^\/var\/lib\/liaison\//)
    expect(unit.Install!.WantedBy).toEqual(['multi-user.target'])
  })

  it.skipIf(!has('systemd-analyze'))('passes systemd-analyze verify without a warning', () => {
    // The unit names /usr/bin/node; point it at this Node, wherever it is installed.
    const copy = join(dir, 'liaison.service')
    writeFileSync(copy, text.replace('/usr/bin/node', process.execPath))
    const run = spawnSync('systemd-analyze', ['verify', copy], { encoding: 'utf8' })
    expect(run.stderr.split('\n').filter((l) => l.includes('liaison.service'))).toEqual([])
    expect(run.status).toBe(0)
  })
})
