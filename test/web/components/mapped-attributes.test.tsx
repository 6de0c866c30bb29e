import { screen, within } from '@testing-library/react'
import type { MappedAttribute } from '../../../actions/lib/view/view-types'
import { MappedAttributeRows } from '../../../web-src/src/components/mapped-attributes'
import { janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import { renderUi } from '../support/render-ui'

const CARDS: MappedAttribute[] = [
  { id: 'nick', path: '_acme.nickname', label: { en: 'Nickname', 'zh-Hant': '暱稱' }, format: 'text', value: 'JD' },
  { id: 'orders', path: '_acme.orders', label: { en: 'Orders' }, format: 'number', value: 12840 },
  {
    id: 'credit',
    path: '_acme.credit',
    label: { en: 'Store credit', 'zh-Hant': '購物金' },
    format: 'money',
    value: { value: 1234.5, currency: 'USD' }
  },
  {
    id: 'renewal',
    path: '_acme.renewal',
    label: { en: 'Renewal', 'zh-Hant': '續約日' },
    format: 'date',
    value: '2019-03-14'
  },
  { id: 'vip', path: '_acme.vip', label: { en: 'VIP', 'zh-Hant': '貴賓' }, format: 'boolean', value: true },
  {
    id: 'optin',
    path: '_acme.optin',
    label: { en: 'Paper bills', 'zh-Hant': '紙本帳單' },
    format: 'boolean',
    value: false
  },
  {
    id: 'tier',
    path: '_acme.tier',
    label: { en: 'Tier', 'zh-Hant': '等級' },
    format: 'enum',
    value: 'GLD',
    valueLabel: { en: 'Gold', 'zh-Hant': '金卡' }
  },
  {
    id: 'segment',
    path: '_acme.segment',
    label: { en: 'Segment', 'zh-Hant': '區隔' },
    format: 'enum',
    value: 'B2C',
    valueLabel: null
  }
]

function rows(locale: 'en-US' | 'zh-Hant'): Array<[string, string]> {
  renderUi(
    <dl>
      <MappedAttributeRows attributes={CARDS} />
    </dl>,
    locale
  )
  return screen
    .getAllByTestId('mapped-attribute')
    .map((dd) => [dd.previousElementSibling?.textContent ?? '', dd.textContent ?? ''])
}

describe('mapped attribute cards', () => {
  it('formats each format for an English-speaking agent, in the mapping’s order', () => {
    // Act
    const shown = rows('en-US')

    // Assess
    expect(shown).toEqual([
      ['Nickname', 'JD'],
      ['Orders', '12,840'],
      ['Store credit', '$1,234.50'],
      ['Renewal', 'Mar 14, 2019'],
      ['VIP', 'Yes'],
      ['Paper bills', 'No'],
      ['Tier', 'Gold'],
      ['Segment', 'B2C']
    ])
  })

  it('uses the zh-Hant labels where the admin wrote them, else the English ones', () => {
    // Act
    const shown = rows('zh-Hant')

    // Assess
    expect(shown).toEqual([
      ['暱稱', 'JD'],
      ['Orders', '12,840'],
      ['購物金', 'US$1,234.50'],
      ['續約日', '2019年3月14日'],
      ['貴賓', '是'],
      ['紙本帳單', '否'],
      ['等級', '金卡'],
      ['區隔', 'B2C']
    ])
  })

  it('shows a value that does not fit its format as text instead of failing', () => {
    // Prepare
    const odd = {
      id: 'odd',
      path: 'x',
      label: { en: 'Odd' },
      format: 'number',
      value: 'n/a'
    } as unknown as MappedAttribute

    // Act
    renderUi(
      <dl>
        <MappedAttributeRows attributes={[odd]} />
      </dl>
    )

    // Assess
    expect(screen.getByTestId('mapped-attribute').textContent).toBe('n/a')
  })

  it('lists the mapped cards after the built-in details of the customer', async () => {
    // Prepare
    renderApp({ routes: { 'customer-profile': () => ({ body: janeDoe() }) } })

    // Act
    await typeAndEnter('jane.doe@example.com')

    // Assess
    await screen.findByTestId('result-heading')
    const terms = within(screen.getByLabelText('Customer details'))
      .getAllByRole('term')
      .map((dt) => dt.textContent)
    expect(terms).toEqual([
      'Primary contact',
      'Address',
      'Contact preferences',
      'Loyalty tier',
      'Customer since',
      'Status',
      'VIP'
    ])
    expect(screen.getAllByTestId('mapped-attribute').map((dd) => dd.textContent)).toEqual(['Gold', 'Yes'])
  })
})
