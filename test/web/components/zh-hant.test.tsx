import { screen, within } from '@testing-library/react'
import { errorBody, janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'

describe('Traditional Chinese (zh-Hant)', () => {
  it('renders the customer with Chinese text, dates, currency and relative times', async () => {
    renderApp({ locale: 'zh-Hant', routes: { 'customer-profile': () => ({ body: janeDoe() }) } })

    await typeAndEnter('jane.doe@example.com')

    expect((await screen.findByTestId('result-heading')).textContent).toBe('Jane Doe')
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('客戶活動中心')
    expect(screen.getByTestId('customer-since').textContent).toBe('2019年3月14日')
    expect(screen.getByTestId('customer-loyalty').textContent).toBe('Gold · 12,840 點')
    expect(screen.getByTestId('insight-ltv').textContent).toBe('顧客終身價值US$4,820.50')
    expect(within(screen.getByTestId('insight-churn')).getByText('高')).toBeTruthy()
    const [purchase, email] = screen.getAllByTestId('event-item')
    expect(purchase?.textContent).toBe('購買：購買了 2 件商品，金額 US$129.902 小時前 · 透過網站')
    expect(email?.textContent).toContain('開啟了電子郵件「Spring Sale」')
    expect(email?.textContent).toContain('昨天')
    expect(screen.getByTestId('audiences').textContent).toContain('High value customers · 成員 · 自 2024年11月2日 起')
    expect(screen.getByTestId('load-more').textContent).toBe('載入更多活動')
  })

  it('never shows the English summary the action sends', async () => {
    renderApp({ locale: 'zh-Hant', routes: { 'customer-profile': () => ({ body: janeDoe() }) } })

    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')

    expect(screen.getByTestId('events-timeline').textContent).not.toContain('Purchased')
    expect(screen.getByTestId('events-timeline').textContent).not.toContain('$129.90 ')
  })

  it('explains errors and "not found" in Chinese', async () => {
    let calls = 0
    renderApp({
      locale: 'zh-Hant',
      routes: {
        'customer-profile': () =>
          ++calls === 1
            ? { status: 404, body: errorBody('PROFILE_NOT_FOUND') }
            : { status: 429, body: errorBody('UPSTREAM_RATE_LIMITED', 'x', { retryAfterSeconds: 5 }) }
      }
    })

    await typeAndEnter('nobody@example.com')
    expect((await screen.findByTestId('not-found')).textContent).toContain(
      '沒有符合電子郵件「nobody@example.com」的個人資料。'
    )
    await typeAndEnter('busy@example.com')

    const alert = await screen.findByTestId('error-message')
    expect(alert.textContent).toContain('目前查詢次數過多')
    expect(alert.textContent).toContain('您可以在 5 秒後再試一次。')
  })
})
