// Writes one patient's history the way it happens at the counter: visits that dispense drugs,
// chronic prescriptions whose fills are picked up at pharmacies, allergy entries. Stories
// (stories.ts) call these with day offsets before `today`; everything is seeded, so the same
// seed and today give the same history.
import { addDays } from '../../core/domain/dates.ts';
import { timesPerDay } from '../../core/domain/regimen.ts';
import type { IsoDate } from '../../core/domain/types.ts';
import type { DemoDeck, DemoInstitution, DemoPatient, InstitutionKind } from '../../demo/deck.ts';
import type { Random } from '../../demo/random.ts';
import { product, type CatalogueDrug } from './catalogue.ts';
import type { DiagnosisKey } from './classes.ts';
import type { PatientData, SimAllergy, SimChronicRx, SimVisit, VisitType } from './model.ts';

export type Item = string | { drug: string; dose?: number; fre?: string | null };

export interface DispenseOptions {
  ago: number;
  days: number;
  at: DemoInstitution;
  dose?: number;
  fre?: string | null;
  quantity?: number;
  visitType?: VisitType;
  dx?: DiagnosisKey;
  /** Inpatient stays: days from admission to discharge (cure_e_date). */
  stay?: number;
}

export interface ChainOptions {
  at: DemoInstitution;
  /** Where fills 2…n are picked up (a pharmacy); fill 1 is dispensed at the prescriber. */
  pharmacies: DemoInstitution[];
  /** Days before today of the first prescription of the chain. */
  firstAgo: number;
  daysPerFill?: number;
  fills?: number;
  dx?: DiagnosisKey;
  /** Days before the previous supply ends that fill k is picked up (1–7 ≈ on time, > 10 too early). */
  early?: (fill: number, prescription: number) => number;
  /** Nothing happens on or after this many days before today (default: up to today). */
  stopAgo?: number;
}

export class HistoryBuilder {
  readonly visits: SimVisit[] = [];
  readonly chronic: SimChronicRx[] = [];
  readonly allergies: SimAllergy[] = [];
  egfr: PatientData['egfr'] = null;

  constructor(
    readonly patient: DemoPatient,
    readonly deck: DemoDeck,
    readonly today: IsoDate,
    readonly random: Random,
  ) {}

  place(name: string): DemoInstitution {
    const found = this.deck.institutions.find((i) => i.name === name);
    if (!found) throw new Error(`deck has no institution ${name}`);
    return found;
  }

  any(kind: InstitutionKind): DemoInstitution {
    return this.random.pick(this.deck.institutions.filter((i) => i.kind === kind && i.id !== this.deck.home.id));
  }

  day(ago: number): IsoDate {
    return addDays(this.today, -ago);
  }

  seqNo(): string {
    return String(this.random.int(1, 9999)).padStart(4, '0');
  }

  time(): string {
    const minutes = this.random.int(8 * 60, 21 * 60);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}${String(minutes % 60).padStart(2, '0')}${String(this.random.int(0, 59)).padStart(2, '0')}`;
  }

  dispense(prefix: string, o: DispenseOptions, seqNo = this.seqNo(), time = this.time()): SimVisit {
    const drug = product(prefix);
    const frequency = o.fre === undefined ? drug.frequency : o.fre;
    const dose = o.dose ?? drug.dose;
    const date = this.day(o.ago);
    const visit: SimVisit = {
      drug, date, time, days: o.days, frequency,
      quantity: o.quantity ?? quantityOf(drug, dose, frequency, o.days),
      institution: o.at,
      visitType: o.visitType ?? (o.at.kind === 'pharmacy' ? '藥局' : '門診'),
      seqNo,
      diagnosis: o.dx ?? drug.diagnosis,
      chronic: null,
      inpatientEnd: o.stay === undefined ? null : addDays(date, o.stay),
    };
    this.visits.push(visit);
    return visit;
  }

  /** A visit where several drugs are prescribed together (one seq no, one time). */
  visit(items: Item[], o: Omit<DispenseOptions, 'dose' | 'fre'>): SimVisit[] {
    const seqNo = this.seqNo();
    const time = this.time();
    return items.map((item) => {
      const { drug, dose, fre } = typeof item === 'string' ? { drug: item, dose: undefined, fre: undefined } : item;
      return this.dispense(drug, { ...o, dose, fre }, seqNo, time);
    });
  }

  /** A chronic prescription written on `ago`, with its first fill dispensed at the prescriber. */
  prescribe(items: Item[], o: { at: DemoInstitution; ago: number; daysPerFill: number; fills: number; dx?: DiagnosisKey }): SimChronicRx {
    const rx: SimChronicRx = {
      prescriber: o.at,
      date: this.day(o.ago),
      seqNo: this.seqNo(),
      time: this.time(),
      items: items.map((item) => {
        const spec = typeof item === 'string' ? { drug: item } : item;
        const drug = product(spec.drug);
        return { drug, dose: spec.dose ?? drug.dose, frequency: spec.fre === undefined ? drug.frequency : spec.fre };
      }),
      daysPerFill: o.daysPerFill,
      fills: o.fills,
      diagnosis: o.dx ?? product(typeof items[0] === 'string' ? items[0] : (items[0]?.drug ?? '')).diagnosis,
      pickups: [],
    };
    this.chronic.push(rx);
    this.pickup(rx, 1, o.ago, o.at);
    return rx;
  }

  /** Fill `fill` of `rx` picked up `ago` days before today at `where` (IC02/IC03 for refills). */
  pickup(rx: SimChronicRx, fill: number, ago: number, where: DemoInstitution): void {
    const date = this.day(ago);
    const seqNo = fill === 1 ? rx.seqNo : `IC${String(fill).padStart(2, '0')}`;
    const time = fill === 1 ? rx.time : this.time();
    rx.pickups.push({ fill, date, where, seqNo });
    for (const item of rx.items) {
      this.visits.push({
        drug: item.drug, date, time, days: rx.daysPerFill, frequency: item.frequency,
        quantity: quantityOf(item.drug, item.dose, item.frequency, rx.daysPerFill),
        institution: where,
        visitType: where.kind === 'pharmacy' ? '藥局' : '門診',
        seqNo,
        diagnosis: rx.diagnosis,
        chronic: { rx, fill },
        inpatientEnd: null,
      });
    }
  }

  /**
   * Back-to-back chronic prescriptions from `firstAgo` up to today: each fill is picked up a
   * few days before the previous supply ends (inside NHI's 10-day window unless `early` says
   * otherwise), and the next prescription is written when the last fill runs out.
   */
  chain(items: Item[], o: ChainOptions): SimChronicRx[] {
    const days = o.daysPerFill ?? 28;
    const fills = o.fills ?? 3;
    const made: SimChronicRx[] = [];
    const stop = o.stopAgo ?? -1;
    let ago = o.firstAgo;
    while (ago > stop) {
      const rx = this.prescribe(items, { at: o.at, ago, daysPerFill: days, fills, dx: o.dx });
      made.push(rx);
      let last = ago;
      for (let fill = 2; fill <= fills; fill++) {
        const next = last - days + (o.early ? o.early(fill, made.length) : this.random.int(1, 7));
        if (next <= stop) return made;
        this.pickup(rx, fill, next, this.random.pick(o.pharmacies));
        last = next;
      }
      ago = last - days + this.random.int(0, 3);
    }
    return made;
  }

  build(): PatientData {
    // ISO days sort as text: newest first, then by code, so the order is stable run to run.
    this.visits.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.drug.code < b.drug.code ? -1 : a.drug.code > b.drug.code ? 1 : 0));
    return { patient: this.patient, visits: this.visits, chronic: this.chronic, allergies: this.allergies, egfr: this.egfr };
  }
}

/** 總量: units per dose × times a day × days; tubes, bottles and inhalers go by the pack. */
export function quantityOf(drug: CatalogueDrug, dose: number, frequency: string | null, days: number): number {
  if (drug.pack !== null) return drug.pack;
  const times = timesPerDay(frequency) ?? 1;
  return Math.round(dose * times * days * 100) / 100;
}
