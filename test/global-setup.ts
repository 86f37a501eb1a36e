/** Runs once before every jest run: builds what several suites serve. */
import { buildPlaygroundIfNeeded } from './helpers/playground-build';

export default function globalSetup(): void {
  buildPlaygroundIfNeeded();
}
