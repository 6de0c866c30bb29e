/**
 * Compares TypeScript interfaces (actions/lib/view/view-types.ts, aep-types.ts) with the schemas of
 * docs/openapi.yaml: the same property names, the same required/optional split, null allowed exactly
 * where the type allows it, the same literal unions. A schema may narrow a `string` to an enum.
 */
import { readFileSync } from 'node:fs'
import ts from 'typescript'
import { deref, isJson, type Json } from './openapi-document'

export interface MirrorOptions {
  /** Interfaces whose schema may make required properties optional (the projected `Customer`). */
  relaxedRequired?: ReadonlySet<string>
}

type Decl = ts.InterfaceDeclaration | ts.TypeAliasDeclaration

class Mirror {
  readonly problems: string[] = []
  private readonly decls = new Map<string, Decl>()

  constructor(
    private readonly sf: ts.SourceFile,
    private readonly doc: Json,
    private readonly options: MirrorOptions
  ) {
    for (const s of sf.statements)
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) this.decls.set(s.name.text, s)
  }

  compareInterface(name: string, schemaName: string): void {
    const decl = this.decls.get(name)
    if (!decl || !ts.isInterfaceDeclaration(decl)) this.problems.push(`${name}: no such interface`)
    else
      this.compareMembers(
        decl.members,
        this.schema({ $ref: `#/components/schemas/${schemaName}` }),
        name,
        this.options.relaxedRequired?.has(name) ?? false
      )
  }

  private schema(s: unknown): Json {
    return deref(this.doc, s) ?? {}
  }

  /** Splits `type: [T, 'null']` and `oneOf: [X, { type: 'null' }]` into the non-null schema and a flag. */
  private splitNull(raw: unknown): { nullable: boolean; core: Json } {
    const s = this.schema(raw)
    if (Array.isArray(s.type) && s.type.includes('null')) {
      const rest = s.type.filter((t) => t !== 'null')
      return { nullable: true, core: { ...s, type: rest.length === 1 ? rest[0] : rest } }
    }
    const alternatives = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : null
    if (alternatives?.length === 2) {
      const other = alternatives.filter((a) => !(isJson(a) && a.type === 'null'))
      if (other.length === 1) return { nullable: true, core: this.schema(other[0]) }
    }
    return { nullable: false, core: s }
  }

  private compareMembers(members: ts.NodeArray<ts.TypeElement>, schema: Json, path: string, relaxed: boolean): void {
    if (schema.type !== 'object') this.problems.push(`${path}: schema is not an object`)
    if (schema.additionalProperties !== false)
      this.problems.push(`${path}: schema does not say additionalProperties: false`)
    const props = isJson(schema.properties) ? schema.properties : {}
    const required = new Set(Array.isArray(schema.required) ? schema.required : [])
    const seen = new Set<string>()
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue
      const name = m.name.getText(this.sf)
      seen.add(name)
      if (!(name in props)) {
        this.problems.push(`${path}.${name}: in the type, not in the schema`)
        continue
      }
      const optional = m.questionToken !== undefined
      if (optional && required.has(name))
        this.problems.push(`${path}.${name}: optional in the type, required in the schema`)
      if (!optional && !required.has(name) && !relaxed)
        this.problems.push(`${path}.${name}: required in the type, optional in the schema`)
      this.compareType(m.type, props[name], `${path}.${name}`)
    }
    for (const name of Object.keys(props))
      if (!seen.has(name)) this.problems.push(`${path}.${name}: in the schema, not in the type`)
  }

  private compareType(node: ts.TypeNode, raw: unknown, path: string): void {
    const parts = ts.isUnionTypeNode(node) ? [...node.types] : [node]
    const isNull = (n: ts.TypeNode): boolean => ts.isLiteralTypeNode(n) && n.literal.kind === ts.SyntaxKind.NullKeyword
    const { nullable, core } = this.splitNull(raw)
    if (parts.some(isNull) !== nullable)
      this.problems.push(`${path}: ${nullable ? 'nullable in the schema only' : 'nullable in the type only'}`)
    const rest = parts.filter((n) => !isNull(n))
    if (rest.length > 1 || (rest[0] && ts.isLiteralTypeNode(rest[0]))) {
      this.compareLiterals(rest, core, path)
      return
    }
    const t = rest[0]
    if (!t) return
    if (t.kind === ts.SyntaxKind.StringKeyword) this.expectType(core, ['string'], path)
    else if (t.kind === ts.SyntaxKind.NumberKeyword) this.expectType(core, ['number', 'integer'], path)
    else if (t.kind === ts.SyntaxKind.BooleanKeyword) this.expectType(core, ['boolean'], path)
    else if (ts.isArrayTypeNode(t)) {
      this.expectType(core, ['array'], path)
      this.compareType(t.elementType, core.items, `${path}[]`)
    } else if (ts.isTypeLiteralNode(t)) this.compareMembers(t.members, core, path, false)
    else if (ts.isTypeReferenceNode(t)) this.compareReference(t, core, path)
    else this.problems.push(`${path}: type ${t.getText(this.sf)} is not compared`)
  }

  private compareReference(t: ts.TypeReferenceNode, core: Json, path: string): void {
    const name = t.typeName.getText(this.sf)
    if (name === 'Record') {
      this.expectType(core, ['object'], path)
      const value = t.typeArguments?.[1]
      if (value) this.compareType(value, core.additionalProperties, `${path}{}`)
      return
    }
    const decl = this.decls.get(name)
    if (decl && ts.isInterfaceDeclaration(decl))
      this.compareMembers(decl.members, core, name, this.options.relaxedRequired?.has(name) ?? false)
    else if (decl) this.compareType(decl.type, core, `${path} (${name})`)
    else this.problems.push(`${path}: type ${name} is not declared in the file`)
  }

  private compareLiterals(nodes: ts.TypeNode[], core: Json, path: string): void {
    const literals = nodes.map((n) =>
      ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal) ? n.literal.text : `<${n.getText(this.sf)}>`
    )
    const values = Array.isArray(core.enum) ? core.enum.map(String) : []
    if ([...literals].sort().join() !== [...values].sort().join())
      this.problems.push(`${path}: type allows ${literals.join(' | ')}, schema enum is [${values.join(', ')}]`)
  }

  private expectType(core: Json, allowed: string[], path: string): void {
    const t = core.type ?? (Array.isArray(core.enum) || 'const' in core ? 'string' : undefined)
    if (typeof t !== 'string' || !allowed.includes(t))
      this.problems.push(`${path}: schema type ${JSON.stringify(t)} for a ${allowed[0]} in the type`)
  }
}

/** Every difference between the interfaces of `file` and their schemas (`interface name → schema name`). */
export function mirrorProblems(
  file: string,
  pairs: Record<string, string>,
  doc: Json,
  options: MirrorOptions = {}
): string[] {
  const sf = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)
  const mirror = new Mirror(sf, doc, options)
  for (const [iface, schema] of Object.entries(pairs)) mirror.compareInterface(iface, schema)
  return [...new Set(mirror.problems)]
}
