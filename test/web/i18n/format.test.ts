import {
  formatDate,
  formatMoney,
  formatPercent,
  formatRelativeSeconds,
  formatRelativeTime
} from '../../../web-src/src/i18n/format'
import { createI18n, interpolate } from '../../../web-src/src/i18n/i18n-context'
import { eventText } from '../../../web-src/src/lib/event-text'
import { janeEvents } from '../support/fixtures'

const ZH = 'zh-Hant-TW'

describe('formatting for zh-Hant', () => {
  it('formats US dollars the Taiwanese way', () => {
    expect(formatMoney({ value: 129.9, currency: 'USD' }, ZH)).toBe('US$129.90')
    expect(formatMoney({ value: 4820.5, currency: 'TWD' }, ZH)).toBe('$4,820.50')
  })

  it('formats calendar dates without shifting them by the time zone', () => {
    expect(formatDate('2019-03-14', ZH)).toBe('2019年3月14日')
    expect(formatDate('2019-03-14', 'en-US')).toBe('Mar 14, 2019')
  })

  it('says how long ago in Chinese', () => {
    expect(formatRelativeSeconds(-2 * 3600, ZH)).toBe('2 小時前')
    expect(formatRelativeSeconds(-86400, ZH)).toBe('昨天')
    expect(formatRelativeSeconds(-10, ZH)).toBe('現在')
    expect(formatRelativeSeconds(-3 * 60, 'en-US')).toBe('3 minutes ago')
  })

  it('measures relative time from the given now', () => {
    const now = Date.parse('2025-01-10T12:00:00Z')
    expect(formatRelativeTime('2025-01-10T09:00:00Z', now, 'en-US')).toBe('3 hours ago')
    expect(formatRelativeTime('not a date', now, 'en-US')).toBe('not a date')
  })

  it('shows scores as whole percentages', () => {
    expect(formatPercent(0.72, ZH)).toBe('72%')
  })

  it('falls back to the number and code for a currency Intl does not know', () => {
    expect(formatMoney({ value: 10, currency: 'not-a-code' }, 'en-US')).toBe('10 not-a-code')
  })
})

describe('event lines', () => {
  it('are rebuilt from details in zh-Hant instead of showing the English summary', () => {
    const zh = createI18n('zh-Hant')
    const [purchase, email, call, visit] = janeEvents()
    if (!purchase || !email || !call || !visit) throw new Error('fixture changed')

    expect(eventText(purchase, zh)).toBe('購買了 2 件商品，金額 US$129.90')
    expect(eventText(email, zh)).toBe('開啟了電子郵件「Spring Sale」')
    expect(eventText(call, zh)).toBe('客服來電：Late delivery（7 分鐘）')
    expect(eventText(visit, zh)).toBe('造訪了 Running shoes')
  })

  it('use the plural form English needs', () => {
    const en = createI18n('en-US')
    const [purchase] = janeEvents()
    if (!purchase) throw new Error('fixture changed')

    expect(eventText({ ...purchase, details: { itemCount: 1 } }, en)).toBe('Purchased 1 item')
    expect(eventText(purchase, en)).toBe('Purchased 2 items — $129.90')
  })
})

describe('interpolate', () => {
  it('inserts values as text and leaves unknown placeholders visible', () => {
    expect(interpolate('Hello {name}, {missing}', { name: '<b>Jane</b>' })).toBe('Hello <b>Jane</b>, {missing}')
  })
})
