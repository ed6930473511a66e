import * as z from 'zod/mini';
import { ProblemException, fieldErrors } from './problem.js';

/** Converts `/api/v1/services/{id}` to Hono's `/api/v1/services/:id`. */
export const honoPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');

/** Validates `data` with a contract schema or throws a 400 `validation_failed` problem with field errors. */
export function validate<T>(schema: z.ZodMiniType<T>, data: unknown): T {
  const r = z.safeParse(schema, data);
  if (!r.success) throw new ProblemException(400, 'validation_failed', 'Some fields are invalid', fieldErrors(r.error.issues));
  return r.data;
}
