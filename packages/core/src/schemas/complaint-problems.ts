// The problem codes of the complaint endpoints, apart from their schemas so the list of every
// code (common.ts) can hold them without importing the schemas.

/** Field and request problems of the complaint endpoints (codes, never renamed once released). */
export const COMPLAINT_PROBLEMS = [
  'category_not_found',
  'complaint_not_found',
  /** The upload carries no capture token, or one the server did not sign. */
  'capture_token_invalid',
  /** The photo arrived after the capture token's window closed. */
  'capture_token_expired',
  /** The capture token already carried a photo. */
  'capture_token_used',
  'photo_required',
  'photo_not_found',
  /** The bytes are not a JPEG, PNG or WebP image, or disagree with the declared type. */
  'photo_type',
  'location_required',
  /** The location is outside the deployment's area (the city's boundary). */
  'location_outside_area',
  /** The reported accuracy is too coarse to place the complaint. */
  'location_inaccurate',
  'contact_required',
  'verification_code_wrong',
  'verification_code_expired',
  /** Too many wrong codes: a new code must be requested. */
  'verification_locked',
  'contact_already_verified',
  /** The complaint's status does not allow this action (e.g. answering before dispatch). */
  'complaint_transition',
  /** `Mpp-Contact-Proof` is missing, forged or expired: confirm the contact again. */
  'contact_proof_invalid',
  /** No such contact code ticket (or it expired): request a new code. */
  'contact_ticket_not_found',
  /** A complaint cannot be merged into itself, or into one that is rejected, closed or of another category. */
  'merge_target_invalid',
] as const;
export type ComplaintProblem = (typeof COMPLAINT_PROBLEMS)[number];
