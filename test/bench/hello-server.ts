import { serve } from '@hono/node-server'
import { Hono } from 'hono'

/** The framework's limit on this machine: a bare Hono route on the same Node HTTP server. */
const app = new Hono()
app.get('/', (c) => c.text('hello'))
serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`listening ${info.port}`)
})
