export * from './contract.ts';
export * from './bsn.ts';
export * from './rule-set.ts';
