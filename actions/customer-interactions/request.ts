/** The wrap-up body, checked against the deployment's interaction shape (actions/lib/interactions). */
export { parseWrapUp as parseInteractionRequest, type WrapUp as InteractionRequest } from '../lib/interactions'
