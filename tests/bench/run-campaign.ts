// `npm run bench:campaign`
import { benchCampaign } from './campaign.bench.ts';

console.log(`# Campaigns`);
await benchCampaign();
