// A transaction on one connection of a pg pool, for statements written in plain SQL on the system
// connection: `begin`, the caller's statements, COMMIT; on an error ROLLBACK and the error again.
// The connection always goes back to the pool.
import type pg from 'pg';

export async function inPgTransaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  begin: 'BEGIN' | 'BEGIN READ ONLY' = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query(begin);
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
