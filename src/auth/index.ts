/** Public surface of auth: who is calling, and whether they may write. */
export { authorizeWrite } from './authorize';
export type { Credentials } from './credentials';
