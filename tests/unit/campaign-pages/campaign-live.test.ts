// Live campaign progress refreshes the campaign pages at most once a second however many events a
// run emits; the pages' polling while a run sends picks up what a skipped event carried.
import { campaignProgressKeys } from '../../../web/src/pages/campaigns/campaign-live.ts';
import { campaignsKey } from '../../../web/src/pages/campaigns/campaigns-api.ts';

it('refreshes every campaign query on the first event, then at most once per second', () => {
  const start = 1_000_000;
  expect(campaignProgressKeys(start)).toEqual([campaignsKey]);
  expect(campaignProgressKeys(start + 200)).toEqual([]);
  expect(campaignProgressKeys(start + 999)).toEqual([]);
  expect(campaignProgressKeys(start + 1_000)).toEqual([campaignsKey]);
  expect(campaignProgressKeys(start + 1_500)).toEqual([]);
  expect(campaignProgressKeys(start + 5_000)).toEqual([campaignsKey]);
});
