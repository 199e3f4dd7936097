import type { viInputs } from './vi.inputs.ts';

/** English strings of the shared inputs: dates typed day/month/year, the file button. */
export const enInputs: Record<keyof typeof viInputs, string> = {
  'input.datePlaceholder': 'dd/mm/yyyy',
  'input.dateHint': 'For example: 30/06/2025',
  'input.dateInvalid': 'Not a valid date. Type it as day/month/year, for example 30/06/2025.',
  'input.datePicker': 'Pick the date on a calendar',
  'input.chooseFile': 'Choose a file…',
  'input.noFile': 'No file chosen',
  'period.m1': 'January',
  'period.m2': 'February',
  'period.m3': 'March',
  'period.m4': 'April',
  'period.m5': 'May',
  'period.m6': 'June',
  'period.m7': 'July',
  'period.m8': 'August',
  'period.m9': 'September',
  'period.m10': 'October',
  'period.m11': 'November',
  'period.m12': 'December',
};
