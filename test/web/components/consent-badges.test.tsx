import { screen } from '@testing-library/react'
import type { Consents } from '../../../actions/lib/view/view-types'
import { ConsentBadges } from '../../../web-src/src/components/consent-badges'
import { janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import { renderUi } from '../support/render-ui'

const CONSENTS: Consents = {
  collect: { status: 'granted', raw: 'y' },
  share: { status: 'denied', raw: 'n' },
  personalize: null,
  marketing: {
    preferred: 'sms',
    email: { status: 'denied', raw: 'n' },
    sms: { status: 'granted', raw: 'y' },
    push: { status: 'pending', raw: 'p' },
    call: { status: 'unknown', raw: 'u' },
    carrierPigeon: { status: 'denied', raw: 'dn' }
  }
}

function badges(): Array<{ text: string; status: string | null; icon: boolean }> {
  return screen.getAllByTestId('consent').map((li) => ({
    text: li.textContent ?? '',
    status: li.getAttribute('data-status'),
    icon: li.querySelector('svg') !== null
  }))
}

describe('consent badges', () => {
  it('puts the channels the agent must not use first, then the preferred one, each with a word and an icon', () => {
    // Act
    renderUi(<ConsentBadges consents={CONSENTS} />)

    // Assess
    expect(badges()).toEqual([
      { text: 'Do not share data', status: 'denied', icon: true },
      { text: 'Do not email', status: 'denied', icon: true },
      { text: 'No marketing by carrierPigeon', status: 'denied', icon: true },
      { text: 'Prefers SMS', status: 'preferred', icon: true },
      { text: 'Push notifications: consent pending', status: 'pending', icon: true },
      { text: 'Phone calls: not recorded', status: 'unknown', icon: true },
      { text: 'SMS: allowed', status: 'granted', icon: true }
    ])
  })

  it('says "do not contact" in Chinese for a zh-Hant agent', () => {
    // Act
    renderUi(<ConsentBadges consents={CONSENTS} />, 'zh-Hant')

    // Assess
    expect(badges().map((b) => b.text)).toEqual([
      '請勿分享資料',
      '請勿寄送電子郵件',
      '請勿透過carrierPigeon行銷',
      '偏好簡訊',
      '推播通知：同意待定',
      '電話：未記錄',
      '簡訊：允許'
    ])
  })

  it('says when the profile records no consent at all', () => {
    // Act
    renderUi(
      <ConsentBadges consents={{ collect: null, share: null, personalize: null, marketing: { preferred: null } }} />
    )

    // Assess
    expect(screen.getByTestId('consents').textContent).toBe('No consent recorded')
    expect(screen.queryAllByTestId('consent')).toEqual([])
  })

  it('shows Jane’s withdrawn SMS consent next to her contact details', async () => {
    // Prepare
    renderApp({ routes: { 'customer-profile': () => ({ body: janeDoe() }) } })

    // Act
    await typeAndEnter('jane.doe@example.com')

    // Assess
    const consents = await screen.findByTestId('consents')
    expect(consents.closest('dd')?.previousElementSibling?.textContent).toBe('Contact preferences')
    expect(badges().map((b) => `${b.status}:${b.text}`)).toEqual([
      'denied:No SMS',
      'preferred:Prefers email',
      'granted:Email: allowed'
    ])
  })
})
