/**
 * `/__control` on every stand-in: GET reads the control snapshot, POST applies an update,
 * DELETE resets counters, records and faults. Not counted, recorded, delayed or faulted itself.
 */
import type { Control } from './control'
import { json, type Reply, type RequestContext } from './http'
import type { ControlUpdate } from './types'

export const CONTROL_PATH = '/__control'

export async function handleControl(control: Control, ctx: RequestContext): Promise<Reply> {
  const recent = Number(ctx.url.searchParams.get('recent') ?? '100')
  const limit = Number.isFinite(recent) ? recent : 100
  switch (ctx.method) {
    case 'GET':
      return json(200, control.snapshot(limit))
    case 'DELETE':
      control.reset()
      return json(200, control.snapshot(limit))
    case 'POST': {
      let update: unknown
      try {
        const text = (await ctx.body()).toString('utf8')
        update = text.trim() === '' ? {} : JSON.parse(text)
      } catch {
        return json(400, { error: 'body must be JSON' })
      }
      if (typeof update !== 'object' || update === null || Array.isArray(update)) {
        return json(400, { error: 'body must be a JSON object' })
      }
      try {
        control.apply(update as ControlUpdate)
      } catch (e) {
        if (e instanceof RangeError) return json(400, { error: e.message })
        throw e
      }
      return json(200, control.snapshot(limit))
    }
    default:
      return json(405, { error: `${ctx.method} not allowed on ${CONTROL_PATH}` })
  }
}
