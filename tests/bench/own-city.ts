import fs from 'node:fs';
import path from 'node:path';
import { INDICATOR_CATALOGUE } from '../../shared/src/index.ts';
import { BsnSequence, corruptBsn } from '../../data/src/bsn.ts';
import { Rng } from '../../data/src/random.ts';

// A seeded benchmark city written by this harness itself; used only when the data
// package's bench-city generator is not there. Problems cluster in a minority of
// households (as in a real city), so a few percent get flagged.

export interface CityOptions {
  seed: number;
  households: number;
  signalsPerHousehold?: number;
  asOf: string;
}

const INDICATORS = INDICATOR_CATALOGUE.map((e) => e.indicator);
const SOURCES = ['woningcorporatie-noord', 'politie', 'leerplicht', 'energie', 'zorgverzekeraar', 'jgz', 'ggz', 'uwv'];
const WIJKEN = Array.from({ length: 40 }, (_, i) => `Wijk ${String(i + 1).padStart(2, '0')}`);
const DAY = 86_400_000;

class Out {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly fd: number) {}
  line(text: string): void {
    this.parts.push(text);
    this.size += text.length + 1;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) fs.writeSync(this.fd, `${this.parts.join('\n')}\n`);
    this.parts = [];
    this.size = 0;
  }
}

function address(i: number): { postcode: string; huisnummer: number; toevoeging: string } {
  const block = Math.floor(i / 40);
  const digits = 1000 + (block % 9000);
  const letters = Math.floor(block / 9000);
  const pc = `${digits}${String.fromCharCode(65 + (letters % 26))}${String.fromCharCode(65 + Math.floor(letters / 26))}`;
  return { postcode: pc, huisnummer: (i % 40) + 1, toevoeging: i % 7 === 0 ? 'A' : '' };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Writes registry.csv and signals.csv for a city of `households` addresses; returns their paths and counts. */
export function writeOwnCity(outDir: string, o: CityOptions) {
  fs.mkdirSync(outDir, { recursive: true });
  const rng = new Rng(o.seed, 'bench-city');
  const bsns = new BsnSequence(o.seed);
  const asOfMs = Date.parse(`${o.asOf}T00:00:00Z`);
  const perHousehold = o.signalsPerHousehold ?? 10;
  const regFd = fs.openSync(path.join(outDir, 'registry.csv'), 'w');
  const sigFd = fs.openSync(path.join(outDir, 'signals.csv'), 'w');
  const reg = new Out(regFd);
  const sig = new Out(sigFd);
  reg.line('bsn,birth_date,postcode,huisnummer,toevoeging,wijk');
  sig.line('source,record_id,indicator,observed_on,value,bsn,postcode,huisnummer,toevoeging');
  let nextBsn = 0;
  let persons = 0;
  let signals = 0;
  for (let h = 0; h < o.households; h++) {
    const a = address(h);
    const wijk = WIJKEN[Math.floor(h / 2500) % WIJKEN.length]!;
    const size = rng.weighted([
      [1, 30],
      [2, 30],
      [3, 15],
      [4, 15],
      [5, 10],
    ] as const);
    const members: string[] = [];
    for (let p = 0; p < size; p++) {
      const bsn = bsns.at(nextBsn++);
      const age = p < 2 ? rng.int(20, 80) : rng.int(0, 17);
      const birth = isoDay(asOfMs - age * 365.25 * DAY - rng.int(0, 364) * DAY);
      reg.line(`${bsn},${birth},${a.postcode},${a.huisnummer},${a.toevoeging},${wijk}`);
      members.push(bsn);
      persons++;
    }
    // 15% of households carry most problems: about 3/4 of all signals.
    const troubled = rng.bernoulli(0.15);
    const count = troubled ? rng.poisson(perHousehold * 5) : rng.poisson(perHousehold * 0.3);
    const themes = troubled ? [rng.pick(INDICATORS), rng.pick(INDICATORS), rng.pick(INDICATORS), rng.pick(INDICATORS)] : INDICATORS;
    for (let s = 0; s < count; s++) {
      const indicator = rng.pick(themes);
      const observed = isoDay(asOfMs - rng.int(0, troubled ? 400 : 1000) * DAY);
      const value = indicator.endsWith('achterstand') ? String(rng.int(0, 6)) : indicator === 'schoolverzuim' ? String(rng.int(0, 40)) : '';
      const source = SOURCES[(h + s) % SOURCES.length]!;
      const byBsn = rng.bernoulli(0.7);
      let bsn = byBsn ? rng.pick(members) : '';
      const roll = rng.next();
      if (roll < 0.005)
        bsn = corruptBsn(members[0]!); // bad row (elfproef)
      else if (roll < 0.015 && byBsn) bsn = bsns.at(9_000_000 + nextBsn + s); // unknown person: unlinked
      const addr = byBsn ? ['', '', ''] : [a.postcode, String(a.huisnummer), a.toevoeging];
      sig.line(`${source},${h}-${s},${indicator},${observed},${value},${bsn},${addr.join(',')}`);
      signals++;
    }
  }
  reg.flush();
  sig.flush();
  fs.closeSync(regFd);
  fs.closeSync(sigFd);
  return { registry: path.join(outDir, 'registry.csv'), signals: path.join(outDir, 'signals.csv'), persons, signalCount: signals };
}
