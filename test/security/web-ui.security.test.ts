/**
 * The agent console's share of security, checked statically over web-src/src: AEP data is never
 * put into the DOM as HTML, no token goes into web storage or a URL; and screen-pop links are
 * validated before anything is looked up (property-tested with generated location hashes).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { parseScreenPop } from '../../web-src/src/lib/screen-pop'
import { INJECTIONS } from '../fuzz/identities'

const ROOT = join(__dirname, '..', '..', 'web-src', 'src')

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sources(path)
    return /\.(ts|tsx|js|jsx|html)$/.test(name) ? [path] : []
  })
}

/** Lines of web-src/src matching `pattern`, as "file:line: text". */
function grep(pattern: RegExp): string[] {
  return sources(ROOT).flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, n) => (pattern.test(line) ? [`${relative(ROOT, file)}:${n + 1}: ${line.trim()}`] : []))
  )
}

describe('web-src/src', () => {
  it('has sources to check', () => {
    expect(sources(ROOT).length).toBeGreaterThan(10)
  })

  it('never renders HTML from data (no dangerouslySetInnerHTML, innerHTML, document.write, eval)', () => {
    expect(
      grep(
        /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(/
      )
    ).toEqual([])
  })

  it('never writes a token into localStorage or sessionStorage', () => {
    const writes = grep(/(localStorage|sessionStorage)\.setItem\(|\bStorage\b.*setItem\(/)
    expect(writes.filter((w) => /token|bearer|authori[sz]ation|access_token|imsToken/i.test(w))).toEqual([])
  })

  it('never puts a token into a URL (query string, hash, URLSearchParams)', () => {
    expect(
      grep(/[?&#](access_)?token=|searchParams\.(set|append)\(\s*['"`](access_)?token|URLSearchParams\([^)]*token/i)
    ).toEqual([])
    // Where the token does go: the Authorization header of the action client.
    expect(grep(/authorization:\s*`Bearer \$\{/i).length).toBeGreaterThan(0)
  })
})

describe('screen-pop links', () => {
  it('never throw and only ever look up a bounded namespace and identity free of control characters', () => {
    const part = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.constantFrom(...INJECTIONS),
      fc.constantFrom('%', '%E0%A4%A', '%00', '%0A', '+', '%2B')
    )
    const hash = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc
        .tuple(part, part, fc.constantFrom('&', '&&', '&ns=email&', '&id=x&'))
        .map(([ns, id, sep]) => `#/customer?ns=${ns}${sep}id=${id}`),
      fc.constant(`#/customer?ns=email&id=${'a'.repeat(2000)}`)
    )
    fc.assert(
      fc.property(hash, (h) => {
        const pop = parseScreenPop(h)
        if (pop.kind !== 'lookup') return
        expect(pop.lookup.namespace).toMatch(/^[a-z][a-z0-9_.-]{0,63}$/)
        expect(pop.lookup.id.length).toBeGreaterThan(0)
        expect(pop.lookup.id.length).toBeLessThanOrEqual(256)
        // biome-ignore lint/suspicious/noControlCharactersInRegex: asserts no control character gets through
        expect(pop.lookup.id).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
      }),
      { numRuns: 2000 }
    )
  })

  it('refuses a link that names a parameter twice', () => {
    expect(parseScreenPop('#/customer?ns=email&id=jane.doe@example.com&ns=crmid').kind).toBe('invalid')
  })
})
