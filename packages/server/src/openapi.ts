import * as z from 'zod/mini';
import { Problem, ROUTES, type RouteSpec } from '@mpp-kit/core';

type Json = Record<string, unknown>;

const schemaOf = (s: z.ZodMiniType, io: 'input' | 'output' = 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
};

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable',
  429: 'Too many requests',
};

/** The OpenAPI 3.1 document of the API, generated from the contract in `@mpp-kit/core`. */
export function buildOpenApi(version = '0.0.0'): Json {
  const paths: Record<string, Json> = {};
  for (const r of Object.values(ROUTES as Record<string, RouteSpec>)) {
    const parameters: Json[] = [];
    for (const [where, obj] of [
      ['path', r.params],
      ['query', r.query],
    ] as const) {
      if (!obj) continue;
      const js = schemaOf(obj, 'input') as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, schema] of Object.entries(js.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema });
      }
    }
    const responses: Json = r.noContent
      ? { 204: { description: 'No content' } }
      : {
          200: {
            description: 'OK',
            content: { 'application/json': { schema: schemaOf(r.response) } },
            ...(r.etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}),
          },
        };
    if (r.etag) {
      responses[304] = { description: 'Not modified (If-None-Match matched the current catalog version)' };
      parameters.push({ name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' } });
    }
    for (const [status, codes] of Object.entries(r.problems)) {
      responses[status] = {
        description: `${STATUS_TEXT[Number(status)] ?? 'Error'}: ${codes.join(', ')}`,
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      };
    }
    paths[r.path] = {
      ...paths[r.path],
      [r.method]: {
        operationId: r.operationId,
        summary: r.summary,
        tags: [r.tag],
        ...(parameters.length ? { parameters } : {}),
        ...(r.staff ? { security: [{ staffToken: [] }] } : {}),
        ...(r.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } } } : {}),
        responses,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'mpp-kit API',
      version,
      description:
        'Public-service API of an Indonesian Mal Pelayanan Publik: service catalog (queue and Si Badra complaints follow). Errors are RFC 9457 problem documents with a stable `code`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'catalog', description: 'Agencies and services with their service standard' },
      { name: 'queue', description: 'Online queue: availability, bookings, tickets, live queue state' },
      {
        name: 'staff',
        description:
          'Staff sign-in (e-mail and password → a 15-minute access token and a rotating refresh token for a 12-hour session) and staff actions (bearer token with role and agency scope)',
      },
      { name: 'system' },
    ],
    paths,
    components: { schemas: { Problem: schemaOf(Problem) }, securitySchemes: { staffToken: { type: 'http', scheme: 'bearer' } } },
  };
}
