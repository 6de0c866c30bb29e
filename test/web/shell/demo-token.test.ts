import { demoSignIn, fetchDemoToken } from '../../../web-src/src/shell/demo-token'
import { fakeFetch } from '../support/fake-fetch'

describe('demo sign-in', () => {
  it('is off in builds without DEMO_TOKEN_URL', () => {
    expect(demoSignIn(undefined, undefined)).toBeNull()
  })

  it('only ever talks to this machine', () => {
    expect(demoSignIn('http://127.0.0.1:9102/__dev/agent-token', 'ORG@AdobeOrg')).toEqual({
      tokenUrl: 'http://127.0.0.1:9102/__dev/agent-token',
      org: 'ORG@AdobeOrg'
    })
    expect(demoSignIn('http://localhost:9102/__dev/agent-token', undefined)).not.toBeNull()
    expect(demoSignIn('https://ims.example.com/__dev/agent-token', 'ORG@AdobeOrg')).toBeNull()
    expect(demoSignIn('not a url', undefined)).toBeNull()
  })

  it('posts the org and returns the token and org of the answer', async () => {
    const fetch = fakeFetch({
      'agent-token': () => ({ body: { access_token: 'tok', expires_in: 10, org: 'ORG@AdobeOrg' } })
    })

    const creds = await fetchDemoToken(
      { tokenUrl: 'http://127.0.0.1:9102/__dev/agent-token', org: 'ORG@AdobeOrg' },
      fetch.fn
    )

    expect(creds).toEqual({ token: 'tok', org: 'ORG@AdobeOrg' })
    expect(fetch.calls[0]?.init).toMatchObject({ method: 'POST', body: '{"org":"ORG@AdobeOrg"}' })
  })

  it('fails when the answer has no token', async () => {
    const fetch = fakeFetch({ 'agent-token': () => ({ body: { org: 'ORG@AdobeOrg' } }) })

    await expect(
      fetchDemoToken({ tokenUrl: 'http://127.0.0.1:9102/__dev/agent-token', org: null }, fetch.fn)
    ).rejects.toThrow('without a token')
  })
})
