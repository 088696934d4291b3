// Session statuses that mean a workflow is (or should be) alive for the contact and channel.
export const LIVE_SESSION_STATUSES = ['running', 'waiting', 'handed_off'] as const;

/** Statuses whose session takes the customer's messages as signals (handed_off goes to the inbox). */
export const LISTENING_SESSION_STATUSES = ['running', 'waiting'] as const;

/** Statuses of a session that ended without completing: the customer dropped off (analytics). */
export const DROPPED_SESSION_STATUSES = ['timed_out', 'failed', 'cancelled'] as const;
