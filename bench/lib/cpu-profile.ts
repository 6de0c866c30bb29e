/** Reads a V8 .cpuprofile (node --cpu-prof) into the few numbers a report needs. */
import { readFileSync } from 'node:fs'
import path from 'node:path'

interface CallFrame {
  functionName: string
  url: string
  lineNumber: number
  columnNumber: number
}
interface ProfileNode {
  id: number
  callFrame: CallFrame
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

export interface ProfileEntry {
  name: string
  ms: number
  share: number
}
export interface ProfileSummary {
  file: string
  totalMs: number
  idleShare: number
  topSelf: ProfileEntry[]
  topInclusive: ProfileEntry[]
}

function label(f: CallFrame): string {
  const file = f.url === '' ? '' : path.basename(f.url.replace(/^file:\/\//, ''))
  const where =
    file === ''
      ? ''
      : ` ${f.url.includes('-temp/index.js') ? `${path.basename(path.dirname(f.url))}/index.js` : file}:${f.lineNumber + 1}`
  return `${f.functionName || '(anonymous)'}${where}`
}

export function summariseProfile(file: string, top = 15): ProfileSummary {
  const p = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<number, number>()
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
  })
  const total = [...self.values()].reduce((a, b) => a + b, 0)
  const selfBy = new Map<string, number>()
  const inclBy = new Map<string, number>()
  let idle = 0
  for (const [id, ms] of self) {
    const node = byId.get(id)
    if (!node) continue
    const name = label(node.callFrame)
    if (node.callFrame.functionName === '(idle)') idle += ms
    selfBy.set(name, (selfBy.get(name) ?? 0) + ms)
    // Inclusive: every distinct frame on the stack gets the sample once.
    const seen = new Set<string>()
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)
      if (!n) break
      const l = label(n.callFrame)
      if (!seen.has(l)) {
        seen.add(l)
        inclBy.set(l, (inclBy.get(l) ?? 0) + ms)
      }
    }
  }
  const busy = Math.max(1e-9, total - idle)
  const rank = (m: Map<string, number>, skip: (name: string) => boolean): ProfileEntry[] =>
    [...m.entries()]
      .filter(([name]) => !skip(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => ({ name, ms: Math.round(ms), share: Math.round((ms / busy) * 1000) / 1000 }))
  const generic = (n: string): boolean =>
    /^\((root|program|idle|anonymous)\)/.test(n) ||
    /^(processTicksAndRejections|listOnTimeout|processTimers|emit|parserOnIncomingClient|parserOnHeadersComplete)\b/.test(
      n
    )
  return {
    file: path.relative(process.cwd(), file),
    totalMs: Math.round(total),
    idleShare: Math.round((idle / Math.max(1e-9, total)) * 1000) / 1000,
    topSelf: rank(selfBy, (n) => n.startsWith('(idle)')),
    topInclusive: rank(inclBy, generic)
  }
}
