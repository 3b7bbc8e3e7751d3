export * from './contract.ts';
export * from './bsn.ts';
