export * from './filter-change.js';
export * from './filters-applied.js';
export * from './error.js';
export * from './data-ready.js';
export * from './option-change.js';
export * from './scenario-change.js';
export * from './connection.js';
