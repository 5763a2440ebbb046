// The demo deck: the synthetic patients, staff and institutions shared by the virtual
// cards (src/device/virtual) and the MediCloud simulator (src/sim). One seeded generator,
// so a card inserted in training always matches a patient the simulator knows.
// Every person here is fabricated; national IDs are generated with a valid check digit
// so the kiosk's validation behaves as in real life, but belong to nobody on purpose.
import type { IsoDate, Sex } from '../core/domain/types.ts';
import { nationalIdCheckDigit } from '../core/domain/national-id.ts';
import type { StaffRole } from '../core/domain/staff-roles.ts';
import { childSeed, seededRandom, type Random } from './random.ts';
import { FAMILY_NAMES, GIVEN_NAME_CHARS, RARE_NAME_CHARS, INSTITUTION_NAMES } from './names.ts';

export const DEFAULT_DEMO_SEED = 20261123;
export const DEMO_PATIENT_COUNT = 240;

export type InstitutionKind = 'medical-center' | 'hospital' | 'clinic' | 'pharmacy';

export interface DemoInstitution {
  /** 10-digit 醫事機構代碼. */
  id: string;
  name: string;
  kind: InstitutionKind;
}

export interface DemoPatient {
  /** Short handle for trays and `yaoli card insert --card P001`. */
  deckId: string;
  nationalId: string;
  name: string;
  birthDate: IsoDate;
  sex: Sex;
  /** 12-digit 卡片號碼 printed on the NHI card. */
  cardNumber: string;
  issueDate: IsoDate;
  /** Card PIN set by the patient (consent by PIN); null = verbal consent. */
  pin: string | null;
  /** A card whose PIN is locked after too many wrong tries. */
  pinBlocked: boolean;
  /** What the simulator's history for this patient is built to show. */
  story: PatientStory;
}

export type PatientStory =
  | 'no-data'
  | 'chronic-elderly'
  | 'hypnotic-care-list'
  | 'cross-duplicates'
  | 'combination'
  | 'refill-early'
  | 'refill-expired'
  | 'prn-topical'
  | 'general';

export interface DemoStaff {
  deckId: string;
  /** 醫事人員 national ID (staff card holder). */
  staffId: string;
  name: string;
  role: StaffRole;
  pin: string;
  /** On the home institution's user authorization list (機構使用者). */
  authorized: boolean;
  /** 機構管理者: may open settings, reports and administration. */
  admin: boolean;
}

export interface DemoDeck {
  seed: number;
  /** The kiosk's own institution (its SAM). */
  home: DemoInstitution;
  /** 12-digit SAM id of the home institution's cloud SAM. */
  samId: string;
  institutions: DemoInstitution[];
  patients: DemoPatient[];
  staff: DemoStaff[];
}

/** Stories for the first patients, in deck order, so P001… are easy to remember in training. */
const SCRIPTED_STORIES: PatientStory[] = [
  'chronic-elderly', // P001: the headline demo patient, verbal consent
  'hypnotic-care-list', // P002: has a card PIN
  'cross-duplicates', // P003
  'combination', // P004
  'refill-early', // P005
  'refill-expired', // P006
  'prn-topical', // P007
  'no-data', // P008: 查無資料
  'general', // P009: blocked card PIN
];

const STORY_WEIGHTS: [PatientStory, number][] = [
  ['general', 40],
  ['chronic-elderly', 18],
  ['cross-duplicates', 12],
  ['refill-early', 8],
  ['refill-expired', 6],
  ['hypnotic-care-list', 8],
  ['combination', 5],
  ['prn-topical', 3],
];

export function demoDeck(seed: number = DEFAULT_DEMO_SEED): DemoDeck {
  const institutions = buildInstitutions(seededRandom(childSeed(seed, 'institutions')));
  const home = institutions.find((i) => i.kind === 'pharmacy') as DemoInstitution;
  const random = seededRandom(childSeed(seed, 'people'));
  const usedIds = new Set<string>();
  const patients: DemoPatient[] = [];
  for (let index = 0; index < DEMO_PATIENT_COUNT; index++) {
    patients.push(buildPatient(random, index, usedIds));
  }
  const staff = buildStaff(seededRandom(childSeed(seed, 'staff')), usedIds);
  return { seed, home, samId: digits(seededRandom(childSeed(seed, 'sam')), 12), institutions, patients, staff };
}

function buildPatient(random: Random, index: number, usedIds: Set<string>): DemoPatient {
  const story = SCRIPTED_STORIES[index] ?? weightedStory(random);
  const sex: Sex = random.chance(0.5) ? 'F' : 'M';
  const elderly = story === 'chronic-elderly' || (story === 'hypnotic-care-list' && random.chance(0.4));
  const age = elderly ? random.int(66, 92) : random.int(19, 64);
  // Fixed reference year keeps ages stable across years of running the demo.
  const birthYear = 2026 - age;
  const birthDate = isoDate(birthYear, random.int(1, 12), random.int(1, 28));
  // One scripted patient is born after ROC year 100 (2011): a ROC year with three digits.
  const childBirth = index === 6 ? isoDate(2012, 2, 29) : null;
  // P003 carries uncommon Big5 characters in the name, as real cards do.
  const rareName = index === 2 || random.chance(0.05);
  return {
    deckId: `P${String(index + 1).padStart(3, '0')}`,
    nationalId: uniqueNationalId(random, sex, usedIds),
    name: personName(random, rareName),
    birthDate: childBirth ?? birthDate,
    sex,
    cardNumber: `0000${digits(random, 8)}`,
    issueDate: isoDate(random.int(2016, 2025), random.int(1, 12), random.int(1, 28)),
    pin: index === 1 || (index > 8 && random.chance(0.1)) ? digits(random, 6) : null,
    pinBlocked: index === 8,
    story,
  };
}

function buildStaff(random: Random, usedIds: Set<string>): DemoStaff[] {
  const roles: [StaffRole, boolean, boolean][] = [
    ['pharmacist', true, true], // S01: the pharmacy owner, 機構管理者
    ['pharmacist', true, false], // S02
    ['pharmacist', true, false], // S03
    ['doctor', true, false], // S04
    ['nurse', true, false], // S05
    ['pharmacist', false, false], // S06: not on the authorization list → 403
    ['doctor', true, false], // S07
    ['pharmacist', true, false], // S08
  ];
  return roles.map(([role, authorized, admin], index) => {
    const sex: Sex = random.chance(0.5) ? 'F' : 'M';
    return {
      deckId: `S${String(index + 1).padStart(2, '0')}`,
      staffId: uniqueNationalId(random, sex, usedIds),
      name: personName(random, false),
      role,
      pin: digits(random, 6),
      authorized,
      admin,
    };
  });
}

function buildInstitutions(random: Random): DemoInstitution[] {
  return INSTITUTION_NAMES.map(([name, kind]) => ({ id: institutionId(random, kind), name, kind }));
}

/** NHI codes: first two digits are the area, the kind shows in the pattern we mimic loosely. */
function institutionId(random: Random, kind: InstitutionKind): string {
  const prefix = kind === 'pharmacy' ? '59' : kind === 'clinic' ? '35' : '11';
  return `${prefix}${digits(random, 8)}`;
}

function weightedStory(random: Random): PatientStory {
  const total = STORY_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random.next() * total;
  for (const [story, weight] of STORY_WEIGHTS) {
    roll -= weight;
    if (roll < 0) return story;
  }
  return 'general';
}

function uniqueNationalId(random: Random, sex: Sex, used: Set<string>): string {
  for (;;) {
    const letter = random.pick(['A', 'B', 'D', 'E', 'F', 'H', 'K', 'P', 'Q', 'T']);
    const first9 = `${letter}${sex === 'M' ? '1' : '2'}${digits(random, 7)}`;
    const id = `${first9}${nationalIdCheckDigit(first9)}`;
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

function personName(random: Random, rare: boolean): string {
  const family = random.pick(FAMILY_NAMES);
  const given = rare
    ? `${random.pick(RARE_NAME_CHARS)}${random.pick(GIVEN_NAME_CHARS)}`
    : `${random.pick(GIVEN_NAME_CHARS)}${random.pick(GIVEN_NAME_CHARS)}`;
  return `${family}${given}`;
}

function digits(random: Random, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += String(random.int(0, 9));
  return text;
}

function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function findPatient(deck: DemoDeck, deckId: string): DemoPatient | undefined {
  return deck.patients.find((p) => p.deckId === deckId.toUpperCase());
}

export function findStaff(deck: DemoDeck, deckId: string): DemoStaff | undefined {
  return deck.staff.find((s) => s.deckId === deckId.toUpperCase());
}
