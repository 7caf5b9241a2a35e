export * from './csv-formats';
export * from './csv-reader';
export * from './csv-values';
export * from './import-rows';
