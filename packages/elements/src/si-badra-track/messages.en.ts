// English texts of `<si-badra-track>`: a chunk of their own that only English pages load.
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
  statuses: {
    received: 'Received',
    verified: 'Verified',
    dispatched: 'Sent to the agency',
    answered: 'Answered',
    resolved: 'Resolved',
    closed: 'Closed',
    rejected: 'Rejected',
    reopened: 'Reopened',
  },
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
  complaintProblems: {
    complaint_not_found: 'No complaint has this code. Check the code again.',
    complaint_transition: "The complaint's status has changed. Reload to see the latest status.",
  },
  problems: problemsEn,
};
