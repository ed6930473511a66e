// The shape of `<si-badra-report>`'s texts: the Indonesian catalogue (`messages.ts`) and the English
// chunk (`messages.en.ts`) both implement it.
import type { ComplaintProblem, ComplaintStatus, Privacy } from '@mpp-kit/core';
import type { ProblemMessages } from '../shared/problems.js';
import type { ContactProofMessages } from '../shared/contact-proof.js';
import type { Step } from './draft.js';

/** The form's own error codes (checked before anything is sent). */
export type ReportCheck =
  | 'category_missing'
  | 'text_too_short'
  | 'photo_missing'
  | 'photo_failed'
  | 'camera_unavailable'
  | 'location_missing'
  | 'location_denied'
  | 'location_failed'
  | 'address_missing'
  | 'email_invalid'
  | 'phone_invalid'
  | 'otp_format';

/** Every string `<si-badra-report>` shows, per locale. */
export interface ReportMessages {
  title: string;
  loading: string;
  retry: string;
  stepOf(n: number, total: number): string;
  steps: Record<Step, string>;
  next: string;
  back: string;
  edit: string;
  categoryLegend: string;
  categoryAgency(agency: string): string;
  textLabel: string;
  textHint(min: number, max: number): string;
  counter(n: number, max: number): string;
  photoIntro: string;
  openCamera: string;
  capture: string;
  closeCamera: string;
  videoLabel: string;
  fileLabel: string;
  fileHint: string;
  processing: string;
  photoAlt(n: number): string;
  /** Under a photo kept on the device until the connection returns. */
  photoPending: string;
  removePhoto(n: number): string;
  photoCount(n: number, max: number): string;
  locationIntro: string;
  useGps: string;
  useAddress: string;
  locate: string;
  locating: string;
  located(accuracy: number): string;
  addressLabel: string;
  addressHint: string;
  contactIntro: string;
  byEmail: string;
  byPhone: string;
  emailLabel: string;
  phoneLabel: string;
  phoneHint: string;
  nameLabel: string;
  nameHint: string;
  privacyLegend: string;
  privacy: Record<Privacy, { label: string; help: string }>;
  reviewIntro: string;
  category: string;
  text: string;
  photos: string;
  place: string;
  contact: string;
  submit: string;
  sending: string;
  queued: string;
  doneIntro: string;
  trackingCode: string;
  codeSent(hint: string): string;
  otpLabel: string;
  otpHint: string;
  confirm: string;
  resend: string;
  resent(hint: string): string;
  verified: string;
  newReport: string;
  /** The similar complaints nearby and "saya juga". */
  similar: {
    intro: string;
    listLabel(n: number): string;
    distance(m: number): string;
    supporters(n: number): string;
    photoAlt(code: string): string;
    open: string;
    metoo: string;
    different: string;
    supportTitle(code: string): string;
    supportIntro: string;
    counted(n: number): string;
    already(n: number): string;
    finish: string;
    fileAnyway: string;
    thanks: string;
    proof: ContactProofMessages;
  };
  statuses: Record<ComplaintStatus, string>;
  checks: Record<ReportCheck, string>;
  /** The complaint problem codes this widget can meet (not in the shared problems). */
  complaintProblems: Partial<Record<ComplaintProblem, string>>;
  problems: ProblemMessages;
}
