import { act, fireEvent, screen, within } from '@testing-library/react'
import type { ProfileField } from '../../../actions/lib/view/view-types'
import { AllAttributes } from '../../../web-src/src/components/all-attributes'
import { janeDoe, janeFields, METADATA } from '../support/fixtures'
import { renderApp, typeAndEnter } from '../support/render-app'
import { renderUi } from '../support/render-ui'

const panelButton = (name = 'All attributes'): HTMLElement => screen.getByRole('button', { name })
const groups = (): string[] => screen.queryAllByTestId('attribute-group').map((b) => b.dataset.path ?? '')
const leaves = (): string[] => screen.queryAllByTestId('attribute-leaf').map((l) => l.textContent ?? '')

async function openPanel(name?: string): Promise<void> {
  await act(async () => {
    fireEvent.click(panelButton(name))
  })
}

async function search(text: string, label = 'Search attributes'): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { value: text } })
  })
}

/** What Tab reaches in the panel, in document order (native controls not taken out of the order). */
function tabbable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('button, input, [tabindex]')].filter(
    (el) => el.tabIndex >= 0 && !el.hasAttribute('disabled')
  )
}

function manyFields(n: number): ProfileField[] {
  return Array.from({ length: n }, (_, i) => ({
    path: `_acme.group${String(Math.floor(i / 50)).padStart(2, '0')}.field${String(i).padStart(4, '0')}`,
    value: `value ${i}`
  })).concat([{ path: 'person.name.firstName', value: 'Needle' }])
}

describe('all attributes panel', () => {
  it('starts collapsed and renders nothing of the profile until opened', () => {
    // Act
    renderUi(<AllAttributes fields={janeFields()} trimmed={false} />)

    // Assess
    expect(panelButton().getAttribute('aria-expanded')).toBe('false')
    expect(groups()).toEqual([])
    expect(screen.queryByLabelText('Search attributes')).toBeNull()
  })

  it('keeps the profile behind the reveal while personal data is masked', async () => {
    // Prepare
    renderUi(<AllAttributes fields={janeFields()} trimmed={false} locked />)

    // Act
    await act(async () => {
      fireEvent.click(panelButton())
    })

    // Assess
    expect(screen.getByTestId('all-attributes-locked').textContent).toMatch(/reveal/i)
    expect(groups()).toEqual([])
    expect(screen.queryByLabelText('Search attributes')).toBeNull()
  })

  it('opens from the keyboard and shows the top-level groups, each opening its children', async () => {
    // Prepare
    renderUi(<AllAttributes fields={janeFields()} trimmed={false} />)
    act(() => panelButton().focus())

    // Act
    await act(async () => {
      fireEvent.keyDown(document.activeElement as Element, { key: 'Enter' })
      fireEvent.keyUp(document.activeElement as Element, { key: 'Enter' })
    })

    // Assess
    expect(panelButton().getAttribute('aria-expanded')).toBe('true')
    expect(screen.getByTestId('all-attributes-count').textContent).toBe('6 attributes')
    expect(groups()).toEqual(['_acme', 'homeAddress', 'person', 'personalEmail'])
    const person = screen.getAllByTestId('attribute-group')[2] as HTMLElement
    expect(person.textContent).toBe('person (2)')
    await act(async () => {
      fireEvent.click(person)
    })
    expect(person.getAttribute('aria-expanded')).toBe('true')
    expect(groups()).toContain('person.name')
  })

  it('keeps the search field and every group button in the tab order', async () => {
    // Prepare
    renderUi(<AllAttributes fields={janeFields()} trimmed={false} />)

    // Act
    await openPanel()

    // Assess
    const reachable = tabbable(screen.getByTestId('all-attributes'))
    const input = screen.getByLabelText('Search attributes')
    expect(reachable).toContain(panelButton())
    expect(reachable).toContain(input)
    for (const g of screen.getAllByTestId('attribute-group')) {
      expect(g.tagName).toBe('BUTTON')
      expect(reachable).toContain(g)
    }
  })

  it('filters by path or value, opens the matching branches and counts the matches', async () => {
    // Prepare
    renderUi(<AllAttributes fields={janeFields()} trimmed={false} />)
    await openPanel()

    // Act
    await search('doe')

    // Assess
    expect(screen.getByTestId('all-attributes-count').textContent).toBe('2 attributes match')
    expect(leaves()).toEqual(['lastName: Doe', 'address: jane.doe@example.com'])
    expect(groups()).toEqual(['person', 'person.name', 'personalEmail'])

    // Act: a path segment matches too
    await search('LOYALTY')
    expect(leaves()).toEqual(['points: 12840', 'status: GLD'])
  })

  it('lets the agent close a matching branch, and says when nothing matches', async () => {
    // Prepare
    renderUi(<AllAttributes fields={janeFields()} trimmed={false} />, 'zh-Hant')
    await openPanel('所有屬性')
    await search('doe', '搜尋屬性')

    // Act
    await act(async () => {
      fireEvent.click(screen.getAllByTestId('attribute-group')[0] as HTMLElement)
    })

    // Assess
    expect(leaves()).toEqual(['address：jane.doe@example.com'])
    await search('nothing-like-this', '搜尋屬性')
    expect(screen.getByTestId('all-attributes').textContent).toContain('沒有屬性符合「nothing-like-this」。')
    expect(screen.getByTestId('all-attributes-count').textContent).toBe('0 個屬性相符')
  })

  it('notes when the action cut the list', async () => {
    // Prepare
    renderUi(<AllAttributes fields={janeFields()} trimmed />)

    // Act
    await openPanel()

    // Assess
    expect(screen.getByTestId('all-attributes-trimmed').textContent).toContain('more attributes than are shown here')
  })

  it('stays small in the page with a thousand fields: only open groups and matches render', async () => {
    // Prepare
    const fields = manyFields(1000)
    renderUi(<AllAttributes fields={fields} trimmed={false} />)
    await openPanel()
    expect(screen.getByTestId('all-attributes-count').textContent).toBe('1,001 attributes')
    expect(groups()).toEqual(['_acme', 'person'])

    // Act
    const started = performance.now()
    await search('needle')
    const elapsed = performance.now() - started

    // Assess
    expect(leaves()).toEqual(['firstName: Needle'])
    expect(screen.getByTestId('all-attributes').querySelectorAll('li').length).toBeLessThan(10)
    // Generous for a loaded CI machine; a tree rebuilt per keystroke or fully rendered takes far longer.
    expect(elapsed).toBeLessThan(1500)
  })

  it('is part of the customer view, under the timeline', async () => {
    // Prepare: a deployment without masking (with it, the panel waits for the reveal)
    const view = janeDoe({ meta: { allAttributesTrimmed: true } })
    const metadata = () => ({ body: { ...METADATA, ui: { maskPersonalData: false } } })
    renderApp({ routes: { 'customer-profile': () => ({ body: view }), metadata } })

    // Act
    await typeAndEnter('jane.doe@example.com')
    await screen.findByTestId('result-heading')
    await openPanel()

    // Assess
    const panel = screen.getByTestId('all-attributes')
    expect(within(panel).getByTestId('all-attributes-count').textContent).toBe('6 attributes')
    expect(within(panel).getByTestId('all-attributes-trimmed')).toBeTruthy()
  })
})
