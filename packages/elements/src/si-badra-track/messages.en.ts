// English texts of `<si-badra-track>`: a chunk of their own that only English pages load.
import { complaintStatusesEn, contactProofEn } from '../shared/si-badra-messages.en.js';
import { problemsEn } from '../shared/problems.en.js';
import type { TrackMessages } from './message-types.js';

export const trackEn: TrackMessages = {
  title: 'Complaint status',
  codeEntry: 'Track a complaint',
  codeLabel: 'Complaint code',
  codeHint: 'The code is on your complaint receipt, e.g. SB-7K3MQ-9XD2F.',
  codeFormat: 'A complaint code looks like SB-XXXXX-XXXXX (letters and digits).',
  show: 'Track',
  loading: 'Loading the complaint…',
  retry: 'Try again',
  code: 'Complaint code',
  category: 'Category',
  agency: 'Agency',
  filed: 'Filed',
  place: 'Location',
  status: 'Status',
  statuses: complaintStatusesEn,
  rejectReasons: {
    hoax: 'The complaint is not true (hoax).',
    duplicate: 'The same complaint was already reported.',
    out_of_scope: 'This is not a matter for the city government.',
    incomplete: 'The complaint is incomplete.',
  },
  by: { citizen: 'Reporter', verifier: 'Verifier', agency: 'Agency', system: 'System' },
  complaint: 'Complaint',
  timeline: 'History',
  photoAlt: (n, total) => (total > 1 ? `Complaint photo ${n} of ${total}` : 'Complaint photo'),
  answerPhotoAlt: (by, n) => `Photo from the ${by.toLowerCase()} ${n}`,
  clockRunning: (w, left) => `Answered within ${w} hours — ${left} ${left === 1 ? 'hour' : 'hours'} left`,
  clockEscalated: (level, left) =>
    level >= 2
      ? 'Not answered in time — passed on to the Mayor.'
      : `Not answered in time — passed on to the head of the agency${left === null ? '.' : `; ${left} ${left === 1 ? 'hour' : 'hours'} before it goes to the Mayor.`}`,
  clockAnswered: (w) => `Answered ${w}`,
  unverified: "The reporter's contact is not confirmed yet: the complaint goes on once the confirmation code is entered.",
  replyHeading: 'Your reply',
  replyIntro: 'Fixed? Close the complaint. Not yet? Write what is still wrong: the complaint goes back to the agency.',
  replyLabel: 'Reply',
  replyHint: 'At least 2 characters.',
  replyTooShort: 'Write your reply (at least 2 characters).',
  accept: 'Fixed, close the complaint',
  dispute: 'Not fixed, reopen',
  sending: 'Sending…',
  replied: {
    closed: 'Thank you. The complaint is closed.',
    reopened: 'The complaint is reopened and sent back to the agency.',
  },
  mine: {
    title: 'My complaints',
    tabsLabel: 'How to find a complaint',
    byCode: 'Track by code',
    intro:
      'See every complaint you filed, without an account: enter the e-mail address or mobile number you used when reporting, then the code we send you.',
    loading: 'Loading your complaints…',
    empty: 'No complaints with this contact yet.',
    count: (n) => (n === 1 ? '1 complaint' : `${n} complaints`),
    hoursLeft: (left) => `${left} h left to answer`,
    back: 'Back to my complaints',
    signOut: 'Leave my complaints',
    proof: {
      ...contactProofEn,
      legend: 'The contact you used when reporting',
      confirm: 'Show my complaints',
      proven: (h) => `Complaints of ${h} (valid for 1 hour in this tab).`,
    },
  },
  checks: {
    email_invalid: 'This e-mail address is not right yet, e.g. name@example.id.',
    phone_invalid: 'This mobile number is not right yet, e.g. 0812 3456 7890.',
    otp_format: 'The confirmation code has 6 digits.',
  },
  complaintProblems: {
    complaint_not_found: 'No complaint has this code. Check the code again.',
    complaint_transition: "The complaint's status has changed. Reload to see the latest status.",
    contact_required: 'Enter an e-mail address or a mobile number.',
    verification_code_wrong: 'The confirmation code is wrong. Please check it.',
    verification_code_expired: 'The confirmation code has expired. Ask for a new one.',
    verification_locked: 'Too many wrong codes. Ask for a new one.',
    contact_ticket_not_found: 'This code is no longer valid. Ask for a new one.',
    contact_proof_invalid: 'Your contact confirmation has ended. Enter your contact again to get a new code.',
  },
  problems: problemsEn,
};
