/**
 * docs/openapi.yaml itself: a well-formed OpenAPI 3.1 document whose endpoints, error codes and
 * customer view agree with the source, and whose examples pass its own schemas.
 */
import { MAX_EVENTS_LIMIT } from '../../actions/lib/input/params'
import { SECTIONS } from '../../actions/lib/view/sections'
import { documentedErrorCodes, validateRequestBody, validateResponse } from './openapi'
import { atPointer, deref, isJson, type Json, loadContract, toAjvSchema } from './openapi-document'
import { actionFolders, declaredActions, errorStatusesInSource, ROOT } from './source-facts'
import { mirrorProblems } from './type-mirror'

const { doc, ajv } = loadContract()
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']
/** Declared in errors.ts for later use; no endpoint answers them today. */
const RESERVED_CODES = ['FORBIDDEN', 'NOT_FOUND']

interface Operation {
  path: string
  action: string
  method: string
  op: Json
}

function operations(): Operation[] {
  const paths = isJson(doc.paths) ? doc.paths : {}
  return Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => {
      const op = isJson(item) ? deref(doc, item[method]) : undefined
      return op ? [{ path, action: path.slice(1), method, op }] : []
    })
  )
}

function responsesOf(op: Json): Array<[string, Json]> {
  return Object.entries(isJson(op.responses) ? op.responses : {}).map(([status, r]) => [status, deref(doc, r) ?? {}])
}

function refsIn(value: unknown, at: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      refsIn(v, `${at}/${i}`, out)
    })
  } else if (isJson(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push([at, v])
      else refsIn(v, `${at}/${k}`, out)
    }
  }
  return out
}

const componentSchemas = (): Json =>
  isJson(doc.components) && isJson(doc.components.schemas) ? doc.components.schemas : {}

describe('docs/openapi.yaml as an OpenAPI document', () => {
  it('is OpenAPI 3.1 with the Runtime and the local servers', () => {
    const servers = Array.isArray(doc.servers) ? doc.servers.filter(isJson).map((s) => s.url) : []

    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(isJson(doc.info) && doc.info.title && doc.info.version).toBeTruthy()
    expect(servers).toEqual([
      'https://{namespace}.adobeioruntime.net/api/v1/web/customer-activity-hub',
      'https://localhost:9080/api/v1/web/customer-activity-hub'
    ])
  })

  it('resolves every $ref', () => {
    const refs = refsIn(doc, '#')

    const unresolved = refs.filter(([, ref]) => atPointer(doc, ref) === undefined).map(([at, ref]) => `${at} → ${ref}`)

    expect(refs.length).toBeGreaterThan(50)
    expect(unresolved).toEqual([])
  })

  it('compiles every component schema with Ajv in strict mode', () => {
    const failures = Object.keys(componentSchemas()).flatMap((name) => {
      try {
        ajv.compile(toAjvSchema({ $ref: `#/components/schemas/${name}` }) as Json)
        return []
      } catch (e) {
        return [`${name}: ${e instanceof Error ? e.message : String(e)}`]
      }
    })

    expect(failures).toEqual([])
  })

  it('gives every operation a unique id, a summary and the answers every web action can give', () => {
    const ops = operations()

    const ids = ops.map((o) => o.op.operationId)
    const gaps = ops.flatMap(({ path, method, op }) => {
      const statuses = responsesOf(op).map(([s]) => s)
      // A success: 200, or 202 for a write AEP finishes later (customer-interactions).
      const success = statuses.some((s) => s === '200' || s === '202') ? [] : ['200 or 202']
      const missing = [...success, ...['401', '403', '405', '500'].filter((s) => !statuses.includes(s))]
      return [
        ...(typeof op.summary === 'string' ? [] : [`${method} ${path}: no summary`]),
        ...missing.map((s) => `${method} ${path}: no ${s}`)
      ]
    })

    expect(ops).toHaveLength(7)
    expect(new Set(ids).size).toBe(ids.length)
    expect(gaps).toEqual([])
  })

  it('documents the request id and no-store on every response, and error codes on every error', () => {
    const gaps = operations().flatMap(({ path, method, op, action }) =>
      responsesOf(op).flatMap(([status, r]) => {
        const where = `${method} ${path} ${status}`
        const hdrs = isJson(r.headers) ? r.headers : {}
        const problems = ['X-Request-Id', 'Cache-Control']
          .filter((h) => deref(doc, hdrs[h])?.required !== true)
          .map((h) => `${where}: no required ${h}`)
        if (typeof r.description !== 'string' || r.description === '') problems.push(`${where}: no description`)
        if (!isJson(r.content) || !r.content['application/json']) problems.push(`${where}: no JSON body`)
        if (Number(status) >= 400 && documentedErrorCodes(action, method, Number(status)).length === 0)
          problems.push(`${where}: no error codes`)
        return problems
      })
    )

    expect(gaps).toEqual([])
  })

  it('describes every parameter with a name, a place and a schema, once per operation', () => {
    const problems = operations().flatMap(({ path, method, op }) => {
      const params = (Array.isArray(op.parameters) ? op.parameters : []).map((p) => deref(doc, p) ?? {})
      const keys = params.map((p) => `${String(p.in)}:${String(p.name).toLowerCase()}`)
      return [
        ...params
          .filter(
            (p) =>
              typeof p.name !== 'string' ||
              !['query', 'header', 'path', 'cookie'].includes(String(p.in)) ||
              !isJson(p.schema)
          )
          .map((p) => `${method} ${path}: bad parameter ${JSON.stringify(p.name)}`),
        ...keys.filter((k, i) => keys.indexOf(k) !== i).map((k) => `${method} ${path}: ${k} twice`)
      ]
    })

    expect(problems).toEqual([])
  })

  it('documents every action of app.config.yaml with exactly the methods its webAction accepts', () => {
    const actions = declaredActions()

    const documented = actions.map((a) => ({
      name: a.name,
      declaredAs: a.declaredAs,
      methods: operations()
        .filter((o) => o.action === a.name)
        .map((o) => o.method.toUpperCase())
        .sort()
    }))

    expect(actions.length).toBeGreaterThanOrEqual(4)
    expect(documented).toEqual(
      actions.map((a) => ({ name: a.name, declaredAs: a.name, methods: [...a.methods].sort() }))
    )
  })

  it('documents no action the app does not have', () => {
    const known = new Set([...actionFolders(), ...declaredActions().map((a) => a.name)])

    const unknown = operations()
      .map((o) => o.action)
      .filter((a) => !known.has(a))

    expect(unknown).toEqual([])
  })

  it('has examples that pass its own schemas', () => {
    let checked = 0
    const problems = operations().flatMap(({ action, method, op }) => {
      const request = deref(doc, op.requestBody)
      const requestExamples = Object.values(examplesOf(request)).flatMap((value) => {
        checked++
        return validateRequestBody(action, method, value)
      })
      const responseExamples = responsesOf(op).flatMap(([status, r]) =>
        Object.values(examplesOf(r)).flatMap((value) => {
          checked++
          return validateResponse(action, method, {
            statusCode: Number(status),
            headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Request-Id': 'example' },
            body: value
          })
        })
      )
      return [...requestExamples, ...responseExamples]
    })

    expect(checked).toBeGreaterThanOrEqual(15)
    expect(problems).toEqual([])
  })
})

function examplesOf(holder: Json | undefined): Record<string, unknown> {
  const media = holder && isJson(holder.content) ? deref(doc, holder.content['application/json']) : undefined
  const examples = media && isJson(media.examples) ? media.examples : {}
  return Object.fromEntries(Object.entries(examples).map(([name, e]) => [name, deref(doc, e)?.value]))
}

describe('error codes', () => {
  const source = errorStatusesInSource()
  const catalogue = deref(doc, { $ref: '#/components/schemas/ErrorCode' }) ?? {}
  const enumerated = Array.isArray(catalogue.enum) ? catalogue.enum.map(String) : []

  it('lists every code of actions/lib/errors/errors.ts and http.ts with its status, and no other', () => {
    const table = String(catalogue.description)

    const wrongRows = [...source].filter(([code, status]) => !table.includes(`| \`${code}\` | ${status} |`))

    expect(source.size).toBeGreaterThanOrEqual(18)
    expect([...source.keys()].sort()).toEqual([...enumerated].sort())
    expect(wrongRows).toEqual([])
  })

  it('documents each code only under its own status, and every code an endpoint can answer', () => {
    const documentedUnder = new Map<string, Set<number>>()
    for (const { action, method, op } of operations()) {
      for (const [status] of responsesOf(op)) {
        for (const code of documentedErrorCodes(action, method, Number(status)))
          documentedUnder.set(code, (documentedUnder.get(code) ?? new Set()).add(Number(status)))
      }
    }

    const misplaced = [...documentedUnder]
      .filter(([code, statuses]) => [...statuses].some((s) => s !== source.get(code)))
      .map(([code, s]) => `${code} under ${[...s].join(', ')}`)
    const undocumented = [...source.keys()].filter((code) => !documentedUnder.has(code))

    expect(misplaced).toEqual([])
    expect(undocumented.sort()).toEqual([...RESERVED_CODES].sort())
  })
})

describe('the customer view schema', () => {
  it('mirrors actions/lib/view/view-types.ts: properties, optional ones, nullability and enums', () => {
    const problems = mirrorProblems(
      [
        `${ROOT}/actions/lib/view/view-types.ts`,
        `${ROOT}/actions/lib/xdm/event-kinds.ts`,
        `${ROOT}/actions/lib/xdm/consents.ts`,
        `${ROOT}/actions/lib/xdm/intelligence.ts`,
        `${ROOT}/actions/lib/xdm/event-details.ts`,
        `${ROOT}/actions/lib/xdm/event-values.ts`,
        `${ROOT}/actions/lib/mapping/types.ts`
      ],
      { CustomerView: 'CustomerView', ErrorBody: 'ErrorBody' },
      doc,
      { relaxedRequired: new Set(['Customer']), opaque: new Set(['MappedAttribute', 'MarketingConsents']) }
    )

    expect(problems).toEqual([])
  })

  it('requires only profileId of a customer, whose other properties are exactly the sections of `fields`', () => {
    const customer = deref(doc, { $ref: '#/components/schemas/Customer' }) ?? {}
    const section = deref(doc, { $ref: '#/components/schemas/Section' }) ?? {}

    expect(customer.required).toEqual(['profileId'])
    expect(Object.keys(isJson(customer.properties) ? customer.properties : {}).sort()).toEqual(
      ['profileId', ...SECTIONS].sort()
    )
    expect(section.enum).toEqual([...SECTIONS])
  })

  it("caps every events limit at the actions' MAX_EVENTS_LIMIT", () => {
    const maxima = [
      '#/components/parameters/EventsLimit/schema/maximum',
      '#/paths/~1customer-events/get/parameters/3/schema/maximum',
      '#/components/schemas/BatchLookupRequest/properties/eventsLimit/maximum',
      '#/components/schemas/Customer/properties/events/maxItems'
    ]

    expect(maxima.map((p) => atPointer(doc, p))).toEqual(maxima.map(() => MAX_EVENTS_LIMIT))
  })

  it('mirrors the namespaces and merge policies of actions/lib/aep/aep-types.ts', () => {
    const problems = mirrorProblems(
      `${ROOT}/actions/lib/aep/aep-types.ts`,
      { AepNamespace: 'IdentityNamespace', AepMergePolicy: 'MergePolicy' },
      doc
    )

    expect(problems).toEqual([])
  })
})
