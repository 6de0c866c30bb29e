/**
 * GET metadata[?sandbox=]: identity namespaces, merge policies and allowed sandboxes. See docs/api.md.
 */
import { webAction } from '../lib/http'
import { serveMetadata } from './handler'

export const main = webAction({ name: 'metadata', methods: ['GET'], handle: serveMetadata })
