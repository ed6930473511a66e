/**
 * Kota Bogor demo catalog: MPP Grha Tiyasa's 13 agencies and about 145 services.
 *
 * DEMO CONTENT. Names, requirements, fees and legal bases are plausible, researched examples, not
 * the city's official Standar Pelayanan: every service is marked `demo: true`, and the city must
 * replace this data with its own before going live.
 */
import type { Agency, Service } from '@mpp-kit/core';
import { BOGOR_AGENCIES as AGENCIES } from './bogor/agencies.js';
import { SERVICES as dpmptsp } from './bogor/dpmptsp.js';
import { SERVICES as dpmptsp2 } from './bogor/dpmptsp-2.js';
import { SERVICES as disdukcapil } from './bogor/disdukcapil.js';
import { SERVICES as disdukcapil2 } from './bogor/disdukcapil-2.js';
import { SERVICES as bapenda } from './bogor/bapenda.js';
import { SERVICES as polresta } from './bogor/polresta-bogor.js';
import { SERVICES as imigrasi } from './bogor/imigrasi.js';
import { SERVICES as samsat } from './bogor/samsat.js';
import { SERVICES as bpn } from './bogor/bpn.js';
import { SERVICES as kpp } from './bogor/kpp-pratama.js';
import { SERVICES as kemenag } from './bogor/kemenag.js';
import { SERVICES as pdam } from './bogor/pdam.js';
import { SERVICES as beaCukai } from './bogor/bea-cukai.js';
import { SERVICES as jasaRaharja } from './bogor/jasa-raharja.js';
import { SERVICES as dpmptspJabar } from './bogor/dpmptsp-jabar.js';

export const BOGOR_MPP = {
  name: 'MPP Grha Tiyasa Kota Bogor',
  timeZone: 'Asia/Jakarta',
  address: 'Jl. Ir. H. Juanda No. 10, Paledang, Bogor Tengah, Kota Bogor',
} as const;

export const BOGOR_AGENCIES: Omit<Agency, 'serviceCount'>[] = AGENCIES;

export const BOGOR_SERVICES: Omit<Service, 'updatedAt'>[] = [
  ...dpmptsp,
  ...dpmptsp2,
  ...disdukcapil,
  ...disdukcapil2,
  ...bapenda,
  ...polresta,
  ...imigrasi,
  ...samsat,
  ...bpn,
  ...kpp,
  ...kemenag,
  ...pdam,
  ...beaCukai,
  ...jasaRaharja,
  ...dpmptspJabar,
];
