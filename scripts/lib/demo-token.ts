/** Mints a demo agent token from the running IMS stand-in (its dev-only route). */
export async function mintDemoToken(imsBaseUrl: string, org: string, userId?: string): Promise<string> {
  const res = await fetch(`${imsBaseUrl.replace(/\/+$/, '')}/__dev/agent-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ org, ...(userId ? { userId } : {}) }),
    signal: AbortSignal.timeout(5000)
  })
  if (!res.ok) throw new Error(`the IMS stand-in answered HTTP ${res.status}`)
  const body = (await res.json()) as { access_token?: unknown }
  if (typeof body.access_token !== 'string') throw new Error('the IMS stand-in answered without access_token')
  return body.access_token
}
