// English texts of `<mpp-launcher>`: a chunk of their own that only English pages load.
import { problemsEn } from '../shared/problems.en.js';
import type { LauncherMessages } from './message-types.js';

export const launcherEn: LauncherMessages = {
  open: { booking: 'Get a queue number', catalog: 'Find a service', ticket: 'See my queue ticket' },
  close: 'Close',
  problems: problemsEn,
  retry: 'Try again',
};
