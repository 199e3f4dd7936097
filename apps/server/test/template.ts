import path from 'node:path';

export const TEMPLATE_DB = 'pilotage_test_template';
export const TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../../.test-output/pglite-template.tar');
