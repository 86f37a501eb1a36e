/** Public surface of the API error types. */
export * from './api-errors';
