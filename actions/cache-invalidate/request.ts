/** The customer whose cached views go: `{ namespace, id, sandbox? }`, validated as every customer body is. */
export {
  type CustomerInSandbox as InvalidateRequest,
  parseCustomerInSandbox as parseInvalidateRequest
} from '../lib/input'
