import { defineOnce } from '../shared/define.js';
import { SiBadraReport } from './si-badra-report.js';

defineOnce('si-badra-report', SiBadraReport);

declare global {
  interface HTMLElementTagNameMap {
    'si-badra-report': SiBadraReport;
  }
}
export { SiBadraReport };
