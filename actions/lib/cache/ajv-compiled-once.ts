/**
 * Stands in for `ajv` inside @adobe/aio-lib-state only (webpack-config.js aliases the module for
 * that issuer). aio-lib-state 5.3.1 checks the arguments of every get/put/delete with
 * `new Ajv({ allErrors: true }).compile(schema)` — a new engine, its meta-schema and the schema
 * compiled again on each call: ~4 ms of CPU per State call, most of a cache hit's cost. Here each
 * (options, schema) pair is compiled once per container and its validator reused; what is
 * validated, and how, does not change.
 */
import Ajv, { type AnySchema, type Options, type ValidateFunction } from 'ajv'

const engines = new Map<string, Ajv>()
const validators = new Map<string, ValidateFunction>()

class AjvCompiledOnce {
  private readonly optionsKey: string

  constructor(private readonly options: Options = {}) {
    this.optionsKey = JSON.stringify(options)
  }

  compile(schema: AnySchema): ValidateFunction {
    const key = `${this.optionsKey}\u0000${JSON.stringify(schema)}`
    let validate = validators.get(key)
    if (!validate) {
      let engine = engines.get(this.optionsKey)
      if (!engine) {
        engine = new Ajv(this.options)
        engines.set(this.optionsKey, engine)
      }
      validate = engine.compile(schema)
      validators.set(key, validate)
    }
    return validate
  }
}

export = AjvCompiledOnce
