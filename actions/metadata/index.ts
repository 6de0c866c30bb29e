/**
 * GET metadata[?sandbox=]
 * The org's identity namespaces and merge policies, and the sandboxes this app may use. See docs/api.md.
 */
import { serveOrgMetadata } from '../lib/org-metadata'
import { webAction } from '../lib/web-action'

export const main = webAction('metadata', ['GET'], serveOrgMetadata)
