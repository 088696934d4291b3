// Outgoing e-mail. Every message is written to the OutboundEmail table first (the outbox); with
// SMTP_URL set it is then sent, otherwise it stays there and in the log, where a local install
// reads invitation links.
import nodemailer from 'nodemailer';
import type { PrismaClient } from '#db/client';
import type { Logger } from './logger.ts';

export type OutgoingEmail = { tenantId?: string; to: string; subject: string; text: string };

export type Mailer = { send(email: OutgoingEmail): Promise<void> };

export function createMailer(options: {
  prisma: PrismaClient;
  logger: Logger;
  smtpUrl?: string;
  from: string;
}): Mailer {
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  return {
    async send(email) {
      const row = await options.prisma.outboundEmail.create({
        data: { tenantId: email.tenantId ?? null, to: email.to, subject: email.subject, text: email.text },
        select: { id: true },
      });
      if (!transport) {
        options.logger.info(
          { emailId: row.id, to: email.to, subject: email.subject, text: email.text },
          'e-mail outboxed (no SMTP_URL configured)',
        );
        return;
      }
      try {
        await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, text: email.text });
        await options.prisma.outboundEmail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
      } catch (error) {
        options.logger.error({ err: error, emailId: row.id }, 'e-mail could not be sent');
        await options.prisma.outboundEmail.update({
          where: { id: row.id },
          data: { error: String(error).slice(0, 1000) },
        });
      }
    },
  };
}
