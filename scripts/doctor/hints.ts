/** Where each setting's correct value comes from: the fix hint of a missing or malformed variable. */
export const VARIABLE_HINTS: Record<string, string> = {
  IMS_BASE_URL:
    'Leave empty for production IMS (https://ims-na1.adobelogin.com); locally the IMS stand-in, http://127.0.0.1:9102.',
  IMS_OAUTH_S2S_CLIENT_ID: 'Developer Console → project → workspace → OAuth Server-to-Server credential → Client ID.',
  IMS_OAUTH_S2S_CLIENT_SECRET: 'Developer Console → OAuth Server-to-Server credential → Retrieve client secret.',
  IMS_OAUTH_S2S_ORG_ID: 'Developer Console → OAuth Server-to-Server credential → Organization ID (…@AdobeOrg).',
  IMS_OAUTH_S2S_SCOPES: 'Developer Console → OAuth Server-to-Server credential → Scopes, comma-separated.',
  AEP_BASE_URL:
    'Leave empty for production (https://platform.adobe.io); locally the AEP stand-in, http://127.0.0.1:9101.',
  AEP_SANDBOX: 'The sandbox name (lower case, not its title) from Experience Platform → Sandboxes, e.g. prod.',
  AEP_ALLOWED_SANDBOXES: 'Comma-separated sandbox names, e.g. prod,dev; empty = only AEP_SANDBOX.',
  AEP_MERGE_POLICY_ID:
    'A merge policy id from Experience Platform → Profiles → Merge policies, or empty for the sandbox default.',
  AEP_TIMEOUT_MS: 'Milliseconds per AEP call, 100–60000; 5000 is a good default.',
  CACHE_TTL_SECONDS: 'Seconds, 0–86400 (0 = no fresh cache); default 300.',
  CACHE_STALE_GRACE_SECONDS: 'Seconds, 0–604800; default 3600.',
  AUDIENCE_CACHE_TTL_SECONDS: 'Seconds, 0–604800; default 3600.',
  CUSTOMER_VIEW_MAPPING:
    'JSON: attribute cards, scores and tenant event rules, e.g. {"insights":[{"id":"churn","path":"_tenant.scores.churn","label":"Churn risk"}]}; the format, including the wrap-up interactions block, is in docs/mapping.md.',
  INSIGHT_FIELD_MAP:
    'Replaced by CUSTOMER_VIEW_MAPPING, which takes the same keys: move the value there and unset this one.',
  PHONE_DEFAULT_COUNTRY_CODE: 'A country calling code without +, e.g. 1 or 44.',
  IDENTITY_HASH_SALT: 'A long random value, e.g. the output of `openssl rand -hex 32`.',
  AIO_STATE_ENDPOINT: 'Leave empty in production; locally the State stand-in, http://127.0.0.1:9103.',
  AIO_STATE_REGION: 'amer, emea, apac or aus: where State keeps the cached views (a data-residency choice).',
  CACHE_MEMORY_SECONDS: 'Seconds, 0–60 (0 = no memory tier); default 5.',
  CACHE_MEMORY_MAX_ENTRIES: 'Identity keys, 0–100000; default 2000.',
  CACHE_MEMORY_MAX_BYTES: 'Bytes, 0–536870912; default 33554432 (32 MiB).',
  CACHE_READ_MODE: 'before (default: State, then AEP on a miss) or parallel (State and AEP at once).',
  CACHE_WRITE_MODE: 'await (default: answer once State holds the view) or behind (once memory does).',
  CACHE_POINTER_NAMESPACES:
    'Identity namespace codes your lookups use, comma-separated, e.g. email,phone; or none. Default email,phone,crmid,ecid,loyaltyid.',
  MASK_PERSONAL_DATA:
    'true (default: the UI masks contact details, addresses and identities until the agent reveals them, audited) or false.',
  AEP_STREAMING_BASE_URL:
    'Leave empty for production (https://dcs.adobedc.net); locally the AEP stand-in, http://127.0.0.1:9101.',
  AEP_STREAMING_CONNECTION_ID:
    'Experience Platform → Sources → HTTP API → the authenticated connection: the 64 hex characters after /collection/ in its endpoint URL (docs/deploy.md, "Record call outcomes").',
  AEP_STREAMING_FLOW_ID: "The same connection's dataflow id (a UUID), or empty when it has none.",
  AEP_INTERACTIONS_DATASET_ID:
    'Experience Platform → Datasets → the call-centre interactions dataset (enabled for Profile) → its id.',
  ALLOWED_UPSTREAM_HOSTS:
    'Leave empty in production (every upstream must be an Adobe https host); locally 127.0.0.1,localhost for the stand-ins.'
}

/** `CUSTOMER_VIEW_MAPPING.attributes[2].format` takes the hint of its variable. */
export function hintFor(variable: string): string {
  const name = variable.split(/[.[]/)[0] ?? variable
  return VARIABLE_HINTS[name] ?? 'See .env.example and docs/deploy.md.'
}
