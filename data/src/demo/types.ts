// Shared types of the demo city.

import type { Indicator } from '@vroegsignaal/shared';

export type HouseholdKind = 'family' | 'single' | 'couple' | 'shared';

/** Latent group: ground truth the generator uses, never written to the registry. */
export type Group = 'multi' | 'risk' | 'base';

export interface Person {
  bsn: string;
  /** UTC day number of the birth date. */
  birthDay: number;
}

export interface Address {
  postcode: string;
  huisnummer: number;
  toevoeging: string;
}

export interface Household extends Address {
  index: number;
  /** Index into WIJKEN. */
  wijk: number;
  kind: HouseholdKind;
  /** Adults (18+ on asOf); the first is the main resident (tenant, account holder). */
  adults: Person[];
  /** Minors (under 18 on asOf). */
  minors: Person[];
  oneParent: boolean;
  /** Rents from a housing corporation. */
  corporatie: boolean;
  group: Group;
}

export interface RegistryRow {
  bsn: string;
  birth_date: string;
  postcode: string;
  huisnummer: number;
  toevoeging: string;
  wijk: string;
}

/** One row of a signal delivery; empty string / null for absent fields. */
export interface FeedRow {
  source: string;
  record_id: string;
  indicator: string;
  observed_on: string;
  value: number | null;
  bsn: string;
  postcode: string;
  huisnummer: number | null;
  toevoeging: string;
}

export interface Delivery {
  /** Week end date (`YYYY-MM-DD`) = delivery date. */
  week: string;
  source: string;
  rows: FeedRow[];
}

/** A signal as simulated, before it becomes a feed row. */
export interface SignalEvent {
  day: number;
  indicator: Indicator;
  source: string;
  value: number | null;
  bsn: string;
  address: Address | null;
  household: number;
}
