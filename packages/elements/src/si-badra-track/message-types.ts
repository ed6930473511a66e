// The shape of `<si-badra-track>`'s texts: the Indonesian catalogue (`messages.ts`) and the English
// chunk (`messages.en.ts`) both implement it.
import type { ComplaintProblem, ComplaintStatus, RejectReason, TimelineEntry } from '@mpp-kit/core';
import type { ProblemMessages } from '../shared/problems.js';
import type { ContactProofCheck, ContactProofMessages } from '../shared/contact-proof.js';

/** Every string `<si-badra-track>` shows, per locale. */
export interface TrackMessages {
  title: string;
  codeEntry: string;
  codeLabel: string;
  codeHint: string;
  codeFormat: string;
  show: string;
  loading: string;
  retry: string;
  code: string;
  category: string;
  agency: string;
  filed: string;
  place: string;
  status: string;
  statuses: Record<ComplaintStatus, string>;
  rejectReasons: Record<RejectReason, string>;
  by: Record<TimelineEntry['by'], string>;
  complaint: string;
  timeline: string;
  photoAlt(n: number, total: number): string;
  answerPhotoAlt(by: string, n: number): string;
  /** The answer clock: `Dijawab dalam 24 jam — sisa 5 jam`. */
  clockRunning(withinHours: number, left: number): string;
  /** A level passed: who it went to, and the next level's hours left (null when none is left). */
  clockEscalated(level: number, left: number | null): string;
  clockAnswered(when: string): string;
  unverified: string;
  replyHeading: string;
  replyIntro: string;
  replyLabel: string;
  replyHint: string;
  replyTooShort: string;
  accept: string;
  dispute: string;
  sending: string;
  replied: Record<'closed' | 'reopened', string>;
  /** "Aduan saya": the reporter's complaints by verified contact. */
  mine: {
    title: string;
    tabsLabel: string;
    byCode: string;
    intro: string;
    loading: string;
    empty: string;
    count(n: number): string;
    hoursLeft(left: number): string;
    back: string;
    signOut: string;
    proof: ContactProofMessages;
  };
  /** The contact-code form's own checks. */
  checks: Record<ContactProofCheck, string>;
  /** The complaint problem codes this widget can meet (not in the shared problems). */
  complaintProblems: Partial<Record<ComplaintProblem, string>>;
  problems: ProblemMessages;
}
