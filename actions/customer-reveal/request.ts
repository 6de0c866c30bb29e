/** The customer whose masked details the agent asks to see: `{ namespace, id, sandbox? }`. */
export { type CustomerInSandbox as RevealRequest, parseCustomerInSandbox as parseRevealRequest } from '../lib/input'
