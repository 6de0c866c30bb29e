import { renderTemplate } from '../../../actions/lib/xdm'

const call = { _acme: { call: { topic: 'Billing', feeling: 'positive', minutes: 7, cancelled: false } } }

describe('renderTemplate', () => {
  it('fills placeholders with the fields of the event', () => {
    // Act
    const line = renderTemplate('Call about {_acme.call.topic}, {_acme.call.minutes} min', call)
    // Assess
    expect(line).toBe('Call about Billing, 7 min')
  })

  it.each([
    ['Call about {_acme.call.topic} ({_acme.none}) — {_acme.call.feeling}', 'Call about Billing — positive'],
    ['{_acme.none}, call about {_acme.call.topic}', 'call about Billing'],
    ['Call about {_acme.call.topic}, {_acme.none}.', 'Call about Billing.'],
    ['Call about "{_acme.none}" today', 'Call about today'],
    ['Topic: {_acme.none}', 'Topic'],
    ['來電主題：{_acme.call.topic}（{_acme.none}）', '來電主題：Billing'],
    ['來電：{_acme.none}，感受：{_acme.call.feeling}。', '來電：感受：positive。'],
    ['Contract cancelled: {_acme.call.cancelled}', 'Contract cancelled: no']
  ])('tidies what a missing field leaves: %s', (template, line) => {
    // Act / Assess
    expect(renderTemplate(template, call)).toBe(line)
  })

  it('renders nothing when every placeholder is missing', () => {
    // Act / Assess
    expect(renderTemplate('{_acme.none} — {_acme.nothing}', call)).toBe('')
  })

  it('inserts values as bounded plain text and never expands placeholders inside them', () => {
    // Prepare
    const hostile = { _acme: { note: `{_acme.secret}\n<script>${'x'.repeat(500)}`, secret: 'leaked', obj: { a: 1 } } }
    // Act
    const line = renderTemplate('Note: {_acme.note} {_acme.obj} {__proto__.polluted} {constructor.name}', hostile)
    // Assess
    expect(line.startsWith('Note: {_acme.secret} <script>')).toBe(true)
    expect(line).not.toContain('leaked')
    expect(line).not.toMatch(/\n|\[object|Object|function/)
    expect(line.length).toBeLessThanOrEqual(200)
  })
})
