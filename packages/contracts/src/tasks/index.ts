export * from './enums.ts';
export * from './programmes.ts';
export * from './tasks.ts';
export * from './assignments.ts';
