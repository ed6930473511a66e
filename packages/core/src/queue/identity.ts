import { parseNik, type NikInfo, type NikWarningCode } from '../id/nik.js';
import { normalizePhone } from '../id/phone.js';
import { containsNik, textProblem } from '../schemas/text.js';

export type IdentityField = 'name' | 'nik' | 'phone' | 'email';

export interface IdentityInput {
  name: string;
  nik: string;
  phone: string;
  email?: string | null;
}

/** The identity of a booking checked once, with the same rules in the browser and on the server. */
export type IdentityCheck =
  | { ok: true; nik: NikInfo; e164: string; email: string | null; warnings: Partial<Record<IdentityField, NikWarningCode>> }
  | { ok: false; errors: Partial<Record<IdentityField, string>>; warnings: Partial<Record<IdentityField, NikWarningCode>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Whether `s` looks like an e-mail address (the booking and the complaint contact use the same rule). */
export const isEmail = (s: string): boolean => EMAIL.test(s);

/**
 * Name (2+ code points under the contract's text rule, holding no NIK), NIK structure (`today` in
 * the office's zone decides the century), an Indonesian mobile number, an optional e-mail (also
 * under the text rule). Errors are stable codes per field, in form order, and the same codes the
 * server's `BookingRequest` schema answers (`text_control_char`, `name_contains_nik`, …), so the
 * browser refuses what the server would.
 */
export function checkIdentity(input: IdentityInput, today: string): IdentityCheck {
  const errors: Partial<Record<IdentityField, string>> = {};
  const warnings: Partial<Record<IdentityField, NikWarningCode>> = {};
  const name = textProblem(input.name) ?? ([...input.name.trim().normalize('NFC')].length < 2 ? 'name_required' : null);
  if (name) errors.name = name;
  else if (containsNik(input.name)) errors.name = 'name_contains_nik';
  const nik = parseNik(input.nik, today);
  if (!nik.ok) errors.nik = nik.code;
  else if (nik.warnings[0]) warnings.nik = nik.warnings[0];
  const phone = normalizePhone(input.phone);
  if (!phone.ok) errors.phone = phone.code;
  const email = input.email?.trim() || null;
  const emailProblem = email && textProblem(email);
  if (emailProblem) errors.email = emailProblem;
  else if (email && !EMAIL.test(email)) errors.email = 'email_format';
  if (!nik.ok || !phone.ok || Object.keys(errors).length) return { ok: false, errors, warnings };
  return { ok: true, nik: nik.info, e164: phone.e164, email, warnings };
}
