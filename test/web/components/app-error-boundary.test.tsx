import { act, fireEvent, screen } from '@testing-library/react'
import type { EventKind, Identity } from '../../../actions/lib/view/view-types'
import { janeDoe } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'

describe('error boundary', () => {
  it('replaces a view that fails to render with "Try again", which brings the console back', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const broken = janeDoe()
    broken.customer.identities = [null as unknown as Identity]
    renderApp({ routes: { 'customer-profile': () => ({ body: broken }) } })

    await typeAndEnter('jane.doe@example.com')

    const fallback = await screen.findByTestId('app-error-boundary')
    expect(fallback.textContent).toContain('Something went wrong')
    expect(errors).toHaveBeenCalledWith('Customer Activity Hub view failed', expect.any(TypeError), expect.any(String))
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }))
    })
    expect(await screen.findByTestId('search-value')).toBeTruthy()
    expect(screen.queryByTestId('app-error-boundary')).toBeNull()
    errors.mockRestore()
  })

  it('shows an event of a kind it does not know as activity, named by its eventType', async () => {
    const view = janeDoe()
    const first = view.customer.events[0]
    if (first)
      view.customer.events[0] = {
        ...first,
        type: 'loyalty-redeem' as EventKind,
        xdmEventType: 'loyalty.pointsRedeemed',
        details: {}
      }
    renderApp({ routes: { 'customer-profile': () => ({ body: view }) } })

    await typeAndEnter('jane.doe@example.com')

    const [item] = await screen.findAllByTestId('event-item')
    expect(item?.getAttribute('data-kind')).toBe('activity')
    expect(item?.textContent).toContain('Activity: Loyalty points redeemed')
  })
})
