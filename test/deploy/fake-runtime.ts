/**
 * A loopback stand-in for Adobe's App Builder deploy service (which fronts the Runtime API):
 * it records each request and refuses it with 401, as Runtime does for a token it does not accept.
 * Bodies are neither read into the record nor logged: a deploy would carry the actions' inputs.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  authorization: string
}

export interface FakeRuntime {
  url: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startFakeRuntime(): Promise<FakeRuntime> {
  const requests: RecordedRequest[] = []
  const server: Server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization ?? '' })
    req.resume()
    req.on('end', () => {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: 'The supplied authentication is invalid', code: 'deploy-check' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
