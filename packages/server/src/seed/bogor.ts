/**
 * Kota Bogor demo: MPP Grha Tiyasa's 13 agencies and about 145 services, its opening hours, queue
 * rules, the 2026 holidays and demo staff, as data files in `packages/server/seed-data/kota-bogor/`
 * (read and validated by ./load.ts).
 *
 * DEMO CONTENT. Names, requirements, fees and legal bases are plausible, researched examples, not
 * the city's official Standar Pelayanan: every service is marked `demo: true`, and the city must
 * replace this data with its own before going live (docs/import.md).
 */
import { fileURLToPath } from 'node:url';
import type { Agency, Service } from '@mpp-kit/core';
import { loadSeedData, type SeedData } from './load.js';

/** The Kota Bogor data folder, shipped with the package next to `src/`. */
export const BOGOR_DATA_DIR = fileURLToPath(new URL('../../seed-data/kota-bogor/', import.meta.url));

/** Reads and validates the Kota Bogor data folder (throws a SeedDataError naming file, item and field). */
export const loadBogorSeed = (): SeedData => loadSeedData(BOGOR_DATA_DIR);

/** The Kota Bogor data, read and validated once when this module is first imported. */
export const BOGOR_DATA: SeedData = loadBogorSeed();

/** The agencies of the demo (the bench, tests and the synthetic catalog use them). */
export const BOGOR_AGENCIES: Omit<Agency, 'serviceCount'>[] = BOGOR_DATA.agencies;

/** The services of the demo, without their queue rules. */
export const BOGOR_SERVICES: Omit<Service, 'updatedAt'>[] = BOGOR_DATA.services.map(({ queueRules: _rules, ...s }) => s);
