// The words of the contact-code form that both Si Badra widgets share (Indonesian); each widget
// adds its own legend, confirm button and "proven" line.
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
