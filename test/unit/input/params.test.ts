import { wantsFresh } from '../../../actions/lib/input'

describe('wantsFresh', () => {
  it.each<[string, boolean, Record<string, string>, Record<string, unknown>]>([
    ['Cache-Control: no-cache', true, { 'cache-control': 'no-cache' }, {}],
    ['Cache-Control: no-store among other directives', true, { 'cache-control': 'max-age=0, No-Store' }, {}],
    ['refresh=true in the query', true, {}, { refresh: 'true' }],
    ['refresh: true in a JSON body', true, {}, { refresh: true }],
    ['an ordinary request', false, {}, {}],
    ['Cache-Control: max-age=0', false, { 'cache-control': 'max-age=0' }, {}],
    ['refresh=1', false, {}, { refresh: '1' }],
    ['a directive that only contains no-cache', false, { 'cache-control': 'x-no-caches' }, {}]
  ])('%s: fresh %s', (_, expected, headers, fields) => {
    // Act
    const fresh = wantsFresh(headers, fields)
    // Assess
    expect(fresh).toBe(expected)
  })
})
