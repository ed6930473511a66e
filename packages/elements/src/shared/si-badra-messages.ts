// The words both citizen widgets of Si Badra share (Indonesian): the contact-code form (each widget
// adds its own legend, confirm button and "proven" line) and the complaint statuses.
import type { ComplaintStatus } from '@mpp-kit/core';
import type { ContactProofMessages } from './contact-proof.js';

export type CommonProofMessages = Omit<ContactProofMessages, 'legend' | 'confirm' | 'proven'>;

export const contactProofId: CommonProofMessages = {
  byEmail: 'E-mail',
  byPhone: 'Nomor ponsel',
  emailLabel: 'Alamat e-mail',
  phoneLabel: 'Nomor ponsel',
  phoneHint: 'Misalnya 0812 3456 7890.',
  sendCode: 'Kirim kode',
  sending: 'Mengirim…',
  codeSent: (h) => `Kode 6 angka sudah dikirim ke ${h}.`,
  otpLabel: 'Kode konfirmasi',
  otpHint: '6 angka.',
  resend: 'Kirim ulang kode',
  resent: (h) => `Kode baru sudah dikirim ke ${h}.`,
  changeContact: 'Ganti kontak',
};

/** A complaint's status in the citizen's words. */
export const complaintStatusesId: Record<ComplaintStatus, string> = {
  received: 'Diterima',
  verified: 'Sudah diverifikasi',
  dispatched: 'Diteruskan ke instansi',
  answered: 'Sudah dijawab',
  resolved: 'Selesai ditangani',
  closed: 'Ditutup',
  rejected: 'Ditolak',
  reopened: 'Dibuka kembali',
};
