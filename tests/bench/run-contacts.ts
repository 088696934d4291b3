// `npm run bench:contacts`: contact import and segments, one after the other.
import { benchContactImport } from './contacts/import.bench.ts';
import { benchSegmentCount } from './contacts/segment.bench.ts';

console.log('# Contacts');
await benchContactImport();
await benchSegmentCount();
