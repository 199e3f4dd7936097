export * from './route.ts';
export * from './common.ts';
export * from './org.ts';
export * from './identity.ts';
export * from './audit.ts';
export * from './health.ts';
export * from './search.ts';
export * from './tasks/index.ts';
