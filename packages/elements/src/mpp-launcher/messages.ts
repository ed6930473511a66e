import { LocaleCatalog } from '../shared/locale-catalog.js';
import { problemsId } from '../shared/problems.js';
import type { LauncherMessages } from './message-types.js';

export type { LauncherMessages, LauncherWidget } from './message-types.js';

const id: LauncherMessages = {
  open: { booking: 'Ambil nomor antrean', catalog: 'Cari layanan', ticket: 'Lihat tiket antrean' },
  close: 'Tutup',
  problems: problemsId,
  retry: 'Coba lagi',
};

export const LAUNCHER_MESSAGES = new LocaleCatalog<LauncherMessages>(id, () => import('./messages.en.js').then((m) => m.launcherEn));
