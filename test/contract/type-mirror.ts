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
  /**
   * Types the mirror cannot read (intersections, index signatures): only their presence in the schema
   * is checked here; the contract tests validate real answers against those schemas instead.
   */
  opaque?: ReadonlySet<string>
}

type Decl = ts.InterfaceDeclaration | ts.TypeAliasDeclaration

class Mirror {
  readonly problems: string[] = []
  private readonly decls = new Map<string, Decl>()
  /** `as const` string arrays, for `(typeof LIST)[number]` unions. */
  private readonly lists = new Map<string, string[]>()

  constructor(
    files: ts.SourceFile[],
    private readonly doc: Json,
    private readonly options: MirrorOptions
  ) {
    for (const sf of files)
      for (const s of sf.statements) {
        if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) this.decls.set(s.name.text, s)
        if (ts.isVariableStatement(s))
          for (const d of s.declarationList.declarations) {
            const init = d.initializer
            const array = init && ts.isAsExpression(init) ? init.expression : undefined
            if (ts.isIdentifier(d.name) && array && ts.isArrayLiteralExpression(array))
              this.lists.set(
                d.name.text,
                array.elements.filter(ts.isStringLiteral).map((e) => e.text)
              )
          }
      }
  }

  /** An interface's own members and those of the interfaces it extends. */
  private membersOf(decl: ts.InterfaceDeclaration): ts.TypeElement[] {
    const inherited = (decl.heritageClauses ?? []).flatMap((h) =>
      h.types.flatMap((t) => {
        const base = this.decls.get(this.text(t.expression))
        if (base && ts.isInterfaceDeclaration(base)) return this.membersOf(base)
        this.problems.push(`${decl.name.text}: extends ${this.text(t.expression)}, which is not declared in the files`)
        return []
      })
    )
    return [...inherited, ...decl.members]
  }

  /** Node text in whichever file declares it. */
  private text(n: ts.Node): string {
    return n.getText(n.getSourceFile())
  }

  compareInterface(name: string, schemaName: string): void {
    const decl = this.decls.get(name)
    if (!decl || !ts.isInterfaceDeclaration(decl)) this.problems.push(`${name}: no such interface`)
    else
      this.compareMembers(
        this.membersOf(decl),
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

  private compareMembers(members: readonly ts.TypeElement[], schema: Json, path: string, relaxed: boolean): void {
    if (schema.type !== 'object') this.problems.push(`${path}: schema is not an object`)
    if (schema.additionalProperties !== false)
      this.problems.push(`${path}: schema does not say additionalProperties: false`)
    const props = isJson(schema.properties) ? schema.properties : {}
    const required = new Set(Array.isArray(schema.required) ? schema.required : [])
    const seen = new Set<string>()
    for (const m of members) {
      if (!ts.isPropertySignature(m) || !m.type) continue
      const name = ts.isStringLiteral(m.name) || ts.isIdentifier(m.name) ? m.name.text : this.text(m.name)
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
    const keywords: Record<number, string> = {
      [ts.SyntaxKind.StringKeyword]: 'string',
      [ts.SyntaxKind.NumberKeyword]: 'number',
      [ts.SyntaxKind.BooleanKeyword]: 'boolean'
    }
    if (rest.length > 1 && rest.every((n) => keywords[n.kind])) {
      const types = (Array.isArray(core.type) ? core.type : [core.type]).map(String).sort().join()
      const wanted = rest
        .map((n) => keywords[n.kind])
        .sort()
        .join()
      if (types !== wanted) this.problems.push(`${path}: type allows ${wanted}, schema type is ${types}`)
      return
    }
    if (rest.length > 1 || (rest[0] && ts.isLiteralTypeNode(rest[0]))) {
      this.compareLiterals(rest, core, path)
      return
    }
    const t = rest[0]
    if (!t) return
    const query = ts.isIndexedAccessTypeNode(t)
      ? ts.isParenthesizedTypeNode(t.objectType)
        ? t.objectType.type
        : t.objectType
      : undefined
    if (query && ts.isTypeQueryNode(query)) {
      const list = this.lists.get(this.text(query.exprName))
      if (list) this.compareValues(list, core, path)
      else this.problems.push(`${path}: ${this.text(t)} names no const list`)
      return
    }
    if (t.kind === ts.SyntaxKind.StringKeyword) this.expectType(core, ['string'], path)
    else if (t.kind === ts.SyntaxKind.NumberKeyword) this.expectType(core, ['number', 'integer'], path)
    else if (t.kind === ts.SyntaxKind.BooleanKeyword) this.expectType(core, ['boolean'], path)
    else if (ts.isArrayTypeNode(t)) {
      this.expectType(core, ['array'], path)
      this.compareType(t.elementType, core.items, `${path}[]`)
    } else if (ts.isTypeLiteralNode(t)) this.compareMembers(t.members, core, path, false)
    else if (ts.isTypeReferenceNode(t)) this.compareReference(t, core, path)
    else this.problems.push(`${path}: type ${this.text(t)} is not compared`)
  }

  private compareReference(t: ts.TypeReferenceNode, core: Json, path: string): void {
    const name = this.text(t.typeName)
    if (this.options.opaque?.has(name)) return
    if (name === 'Array' && t.typeArguments?.[0]) {
      this.expectType(core, ['array'], path)
      this.compareType(t.typeArguments[0], core.items, `${path}[]`)
      return
    }
    if (name === 'Record') {
      this.expectType(core, ['object'], path)
      const value = t.typeArguments?.[1]
      if (value) this.compareType(value, core.additionalProperties, `${path}{}`)
      return
    }
    const decl = this.decls.get(name)
    if (decl && ts.isInterfaceDeclaration(decl))
      this.compareMembers(this.membersOf(decl), core, name, this.options.relaxedRequired?.has(name) ?? false)
    else if (decl) this.compareType(decl.type, core, `${path} (${name})`)
    else this.problems.push(`${path}: type ${name} is not declared in the files`)
  }

  private compareLiterals(nodes: ts.TypeNode[], core: Json, path: string): void {
    const literals = nodes.map((n) =>
      ts.isLiteralTypeNode(n) && ts.isStringLiteral(n.literal) ? n.literal.text : `<${this.text(n)}>`
    )
    this.compareValues(literals, core, path)
  }

  private compareValues(literals: string[], core: Json, path: string): void {
    const values = Array.isArray(core.enum) ? core.enum.filter((v) => v !== null).map(String) : []
    if ([...literals].sort().join() !== [...values].sort().join())
      this.problems.push(`${path}: type allows ${literals.join(' | ')}, schema enum is [${values.join(', ')}]`)
  }

  private expectType(core: Json, allowed: string[], path: string): void {
    const t = core.type ?? (Array.isArray(core.enum) || 'const' in core ? 'string' : undefined)
    if (typeof t !== 'string' || !allowed.includes(t))
      this.problems.push(`${path}: schema type ${JSON.stringify(t)} for a ${allowed[0]} in the type`)
  }
}

/**
 * Every difference between the interfaces of `files` and their schemas (`interface name → schema
 * name`). The first file holds the interfaces named; the others, the types it imports.
 */
export function mirrorProblems(
  files: string | string[],
  pairs: Record<string, string>,
  doc: Json,
  options: MirrorOptions = {}
): string[] {
  const sources = (Array.isArray(files) ? files : [files]).map((f) =>
    ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.ES2022, true)
  )
  const mirror = new Mirror(sources, doc, options)
  for (const [iface, schema] of Object.entries(pairs)) mirror.compareInterface(iface, schema)
  return [...new Set(mirror.problems)]
}
