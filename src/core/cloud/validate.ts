// Every MediCloud answer passes C's per-endpoint schema (src/core/medicloud) before anyone
// sees it. Shape problems become CloudErrors of kind `schema` (the cloud changed its format)
// or `malformed` (the text is not JSON, e.g. a download cut off mid-way).
import type { z } from 'zod';
import { MedicloudShapeError, parseEndpoint, parseJsonText, type EndpointId, type EndpointResult } from '../medicloud/index.ts';
import { CloudError } from './errors.ts';

export interface Validated<T> {
  /** The JSON exactly as received: what the cache stores, so a later mapper fix applies to it. */
  payload: unknown;
  value: T;
}

function fromShape(endpoint: string, error: MedicloudShapeError): CloudError {
  const { details } = error;
  if (details.problem === 'bad-json') {
    return new CloudError({ kind: 'malformed', endpoint, detail: details.value ?? 'bad JSON', cause: error });
  }
  // The detail names endpoint, field and problem but never the value: it may be patient data.
  const where = details.path === '' ? endpoint : `${endpoint} ${details.path}`;
  return new CloudError({ kind: 'schema', endpoint, field: details.path || null, detail: `${where} (${details.problem})`, cause: error });
}

export function validateEndpoint<E extends EndpointId>(id: E, text: string): Validated<EndpointResult<E>> {
  try {
    const payload = parseJsonText(id, text);
    return { payload, value: parseEndpoint(id, payload) };
  } catch (error) {
    if (error instanceof MedicloudShapeError) throw fromShape(id, error);
    // A mapper that trips over data its schema let through is still "data we cannot use",
    // never a crash of the look-up.
    throw new CloudError({ kind: 'schema', endpoint: id, detail: `${id} (mapping failed)`, cause: error });
  }
}

/** Text → JSON → a schema of our own (the two Web APIs), with the same error kinds. */
export function validateWith<S extends z.ZodType>(endpoint: string, schema: S, text: string): Validated<z.output<S>> {
  try {
    const payload = parseJsonText(endpoint, text);
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue ? issue.path.map(String).join('.') : '';
      throw new CloudError({ kind: 'schema', endpoint, field: path || null, detail: `${endpoint} ${path} (${issue?.code ?? 'invalid'})`.trim() });
    }
    return { payload, value: parsed.data };
  } catch (error) {
    if (error instanceof MedicloudShapeError) throw fromShape(endpoint, error);
    throw error;
  }
}
