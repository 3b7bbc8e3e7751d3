export * from './contract.ts';
export * from './rule-set.ts';
