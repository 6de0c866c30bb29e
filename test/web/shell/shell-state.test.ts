import { applyShellPayload, colorSchemeOf, INITIAL_SHELL_STATE } from '../../../web-src/src/shell/shell-state'

const SHELL = { ...INITIAL_SHELL_STATE, mode: 'shell' as const }

describe('shell payloads', () => {
  it('make the console ready once the token and org arrive', () => {
    const state = applyShellPayload(SHELL, {
      imsToken: 't1',
      imsOrg: 'ORG@AdobeOrg',
      locale: 'zh_TW',
      theme: 'dark',
      sandbox: { name: 'dev' }
    })

    expect(state).toMatchObject({
      status: 'ready',
      credentials: { token: 't1', org: 'ORG@AdobeOrg' },
      locale: 'zh_TW',
      colorScheme: 'dark',
      sandbox: 'dev'
    })
  })

  it('keep what a later configuration payload does not mention', () => {
    const ready = applyShellPayload(SHELL, {
      imsToken: 't1',
      imsOrg: 'ORG@AdobeOrg',
      locale: 'en_US',
      sandbox: { name: 'prod' }
    })

    const refreshed = applyShellPayload(ready, { imsToken: 't2' })

    expect(refreshed).toMatchObject({
      credentials: { token: 't2', org: 'ORG@AdobeOrg' },
      locale: 'en_US',
      sandbox: 'prod'
    })
  })

  it('stay starting while the token is missing', () => {
    expect(applyShellPayload(SHELL, { locale: 'en_US' }).status).toBe('starting')
  })

  it('map shell theme names to light or dark', () => {
    expect(colorSchemeOf('spectrum--darkest')).toBe('dark')
    expect(colorSchemeOf('lightest')).toBe('light')
    expect(colorSchemeOf(undefined)).toBeNull()
  })
})
