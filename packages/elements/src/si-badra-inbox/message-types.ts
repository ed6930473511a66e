// The shape of `<si-badra-inbox>`'s texts: the Indonesian catalogue (`messages.ts`) and the English
// chunk (`messages.en.ts`) both implement it.
import type { ComplaintProblem, ComplaintStatus, Privacy, RejectReason, StaffRole, TimelineEntry } from '@mpp-kit/core';
import type { ProblemMessages } from '../shared/problems.js';

/** Every string `<si-badra-inbox>` shows, per locale. */
export interface InboxMessages {
  title: string;
  signInTitle: string;
  signInIntro: string;
  email: string;
  password: string;
  signIn: string;
  signingIn: string;
  signOut: string;
  /** Who is signed in: name, role, agency. */
  account(name: string, role: string, agency: string | null): string;
  roles: Record<StaffRole, string>;
  /** The session ended by itself (12 h shift, revoked). */
  sessionEnded: string;
  wrongPassword: string;
  noInboxRole: string;

  filters: string;
  status: string;
  category: string;
  agency: string;
  level: string;
  search: string;
  searchHint: string;
  any: string;
  levels: Record<'0' | '1' | '2', string>;
  apply: string;
  loading: string;
  count(n: number, more: boolean): string;
  empty: string;
  loadMore: string;
  listLabel: string;
  statuses: Record<ComplaintStatus, string>;
  /** A row's age: `2 hari`, `5 jam`. */
  age(hours: number): string;
  filedAgo(age: string): string;
  /** The answer clock: `sisa 5 jam`. */
  clockLeft(hours: number): string;
  /** Past a level: `lewat 3 jam` (hours past the deadline, null when not known). */
  clockLate(level: number, hours: number | null): string;
  clockAnswered: string;
  clockNotRunning: string;
  supporters(n: number): string;
  supportersLabel: string;
  reporterName: string;
  verifiedContact: string;
  unverifiedContact: string;
  photoCount(n: number): string;

  back: string;
  detailTitle(code: string): string;
  text: string;
  photos: string;
  photoAlt(n: number, total: number): string;
  photoRedacted: string;
  photoRole: Record<'report' | 'answer', string>;
  place: string;
  accuracy(m: number): string;
  openMap: string;
  contact: string;
  contactKinds: Record<'email' | 'phone', string>;
  privacy: string;
  privacies: Record<Privacy, string>;
  filed: string;
  clock: string;
  timeline: string;
  by: Record<TimelineEntry['by'], string>;
  rejectedAs(reason: string): string;
  mergedInto(code: string): string;
  rejectReasons: Record<RejectReason, string>;

  actions: string;
  noActions: string;
  verify: string;
  reject: string;
  merge: string;
  dispatch: string;
  answer: string;
  redact: string;
  cancel: string;
  sending: string;
  note: string;
  noteHint: string;
  reason: string;
  rejectSubmit: string;
  mergeTitle: string;
  mergeIntro: string;
  mergeNone: string;
  mergeCandidate(code: string, distanceM: number, supporters: number): string;
  mergeCode: string;
  mergeCodeHint: string;
  mergeCodeInvalid: string;
  mergeSubmit: string;
  dispatchTitle: string;
  dispatchAgency: string;
  dispatchDefault(agency: string): string;
  dispatchNeedsContact: string;
  dispatchSubmit: string;
  answerTitle: string;
  answerText: string;
  answerHint: string;
  answerTooShort: string;
  answerPhoto: string;
  answerPhotoHint: string;
  answerSubmit: string;
  resolveSubmit: string;
  redactTitle: string;
  redactIntro: string;
  redactPhoto(n: number): string;
  redactStage: string;
  redactAdd: string;
  redactRemove: string;
  redactBox(n: number, x: number, y: number, w: number, h: number): string;
  redactNone: string;
  redactSubmit: string;
  photoLoading: string;
  done: Record<'verify' | 'reject' | 'merge' | 'dispatch' | 'answer' | 'resolve' | 'redact', string>;

  briefing: string;
  briefingTitle: string;
  briefingIntro(generatedAt: string): string;
  briefingLevel: string;
  briefingLevels: Record<'1' | '2', string>;
  briefingEmpty: string;
  briefingHours: string;
  briefingCode: string;
  briefingCategory: string;
  briefingText: string;
  briefingSupporters: string;
  briefingCount(n: number): string;
  print: string;

  helpTitle: string;
  /** `[keys, what]` pairs of the keyboard shortcuts. */
  help: ReadonlyArray<readonly [string, string]>;
  helpNote: string;
  retry: string;
  /** The complaint problem codes the inbox can meet (not in the shared problems). */
  complaintProblems: Partial<Record<ComplaintProblem, string>>;
  problems: ProblemMessages;
}
