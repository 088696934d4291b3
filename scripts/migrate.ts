// `npm run db:migrate`: apply pending migrations to DATABASE_URL (npm start does this itself).
import { migrateDatabase } from '#db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('Set DATABASE_URL to the database to migrate.');
  process.exit(1);
}
const { applied } = await migrateDatabase(url);
console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
