// English words both citizen widgets of Si Badra share (in the English chunks only).
import type { ComplaintStatus } from '@mpp-kit/core';
import type { CommonProofMessages } from './si-badra-messages.js';

export const contactProofEn: CommonProofMessages = {
  byEmail: 'E-mail',
  byPhone: 'Mobile number',
  emailLabel: 'E-mail address',
  phoneLabel: 'Mobile number',
  phoneHint: 'For example 0812 3456 7890.',
  sendCode: 'Send code',
  sending: 'Sending…',
  codeSent: (h) => `A 6-digit code was sent to ${h}.`,
  otpLabel: 'Confirmation code',
  otpHint: '6 digits.',
  resend: 'Send the code again',
  resent: (h) => `A new code was sent to ${h}.`,
  changeContact: 'Use another contact',
};

export const complaintStatusesEn: Record<ComplaintStatus, string> = {
  received: 'Received',
  verified: 'Verified',
  dispatched: 'Sent to the agency',
  answered: 'Answered',
  resolved: 'Resolved',
  closed: 'Closed',
  rejected: 'Rejected',
  reopened: 'Reopened',
};
