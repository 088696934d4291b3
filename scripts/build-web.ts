// `npm run build`: builds the web app into web/dist (npm start also does this when sources change).
import { buildWebIfStale } from './lib/web-build.ts';

await buildWebIfStale((line) => console.log(line), undefined, { force: true });
