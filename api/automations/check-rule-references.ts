// References a rule holds are checked on save, so a typo is a 422 naming the field instead of a
// failed run at 3 a.m.: the channel, the agents and teams it assigns to, the flows it starts.
import type { TenantDb } from '#db/tenant-db';
import { AppError } from '../errors.ts';
import type { AutomationRuleInput } from './schemas.ts';

export async function checkRuleReferences(db: TenantDb, rule: AutomationRuleInput): Promise<void> {
  if (rule.channelId) {
    const channel = await db.channel.findUnique({ where: { id: rule.channelId }, select: { id: true } });
    if (!channel) {
      throw AppError.field('channelId', 'is not a number of this workspace', 'UNPROCESSABLE');
    }
  }
  for (const [index, action] of rule.actions.entries()) {
    const path = `actions.${index}`;
    if (action.type === 'assign' && action.target.type === 'agent') {
      const member = await db.membership.findFirst({ where: { userId: action.target.userId }, select: { id: true } });
      if (!member) {
        throw AppError.field(`${path}.target.userId`, 'is not a member of this workspace', 'UNPROCESSABLE');
      }
    }
    if (action.type === 'assign' && action.target.type === 'team') {
      const team = await db.team.findUnique({ where: { id: action.target.teamId }, select: { id: true } });
      if (!team) {
        throw AppError.field(`${path}.target.teamId`, 'is not a team of this workspace', 'UNPROCESSABLE');
      }
    }
    if (action.type === 'start_flow') {
      const flow = await db.flow.findUnique({ where: { id: action.flowId }, select: { id: true } });
      if (!flow) {
        throw AppError.field(`${path}.flowId`, 'is not a flow of this workspace', 'UNPROCESSABLE');
      }
    }
  }
}
