// `GET /<PHONE_NUMBER_ID>` (contract §12) and `GET /debug_token`, which Parley uses to check a
// channel's token before saving it.
import type { Router } from 'express';
import type { SimulatorContext } from '../core/simulator-context.ts';
import type { PhoneNumberRecord } from '../state/simulator-state.ts';
import { authorize, isExpired } from './authenticate.ts';

const SCOPES = ['whatsapp_business_management', 'whatsapp_business_messaging'];

export function registerPhoneNumberRoutes(router: Router, ctx: SimulatorContext): void {
  router.get('/debug_token', (req, res) => {
    const input = typeof req.query.input_token === 'string' ? req.query.input_token : '';
    const holders = [...ctx.store.numbers.values()].filter((n) => input && n.accessToken === input);
    if (holders.length === 0) {
      res.json({
        data: {
          is_valid: false,
          expires_at: 0,
          scopes: [],
          error: { code: 190, message: 'Invalid OAuth access token.' },
        },
      });
      return;
    }
    const valid = holders.some((n) => !isExpired(ctx, n));
    const expiries = holders.map((n) => n.tokenExpiresAt);
    // 0 means "never expires", as Meta reports system-user tokens.
    const expiresAt = expiries.includes(null) ? 0 : Math.floor(Math.max(...(expiries as number[])) / 1000);
    res.json({
      data: {
        type: 'SYSTEM_USER',
        is_valid: valid,
        expires_at: expiresAt,
        scopes: SCOPES,
        granular_scopes: SCOPES.map((scope) => ({ scope, target_ids: [...new Set(holders.map((n) => n.wabaId))] })),
      },
    });
  });

  router.get('/:id', (req, res, next) => {
    const number = ctx.store.numbers.get(req.params.id);
    if (!number) {
      return next();
    }
    authorize(ctx, req, ctx.store.numbersInWaba(number.wabaId));
    const fields = typeof req.query.fields === 'string' ? req.query.fields.split(',').map((f) => f.trim()) : null;
    const info = phoneNumberInfo(ctx, number);
    res.json(
      fields ? Object.fromEntries(Object.entries(info).filter(([key]) => key === 'id' || fields.includes(key))) : info,
    );
  });
}

function phoneNumberInfo(ctx: SimulatorContext, number: PhoneNumberRecord) {
  return {
    verified_name: number.verifiedName,
    code_verification_status: 'VERIFIED',
    display_phone_number: number.displayPhoneNumber,
    quality_rating: 'GREEN',
    platform_type: 'CLOUD_API',
    throughput: { level: throughputLevel(ctx, number) },
    whatsapp_business_manager_messaging_limit: number.messagingLimitTier,
    messaging_limit_tier: number.messagingLimitTier,
    id: number.phoneNumberId,
  };
}

/** Meta's names for a number's throughput: HIGH once upgraded to 1,000 messages/s. */
function throughputLevel(ctx: SimulatorContext, number: PhoneNumberRecord): string {
  const perSecond = number.throughputPerSecond ?? ctx.options.throughputPerSecond;
  return perSecond >= 1000 ? 'HIGH' : perSecond < 80 ? 'NOT_APPLICABLE' : 'STANDARD';
}
