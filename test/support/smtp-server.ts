import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { TestPki } from './pki.js';

export interface SmtpServers {
  host: '127.0.0.1';
  ports: {
    /** Plain text with STARTTLS; AUTH PLAIN LOGIN is advertised and accepted only after STARTTLS. SIZE is advertised. */
    submission: number;
    /** Implicit TLS from the first byte; AUTH PLAIN LOGIN and SIZE advertised. */
    smtps: number;
    /** Plain text with no STARTTLS at all; it still advertises AUTH, like a server that takes passwords in clear text. */
    plainNoTls: number;
  };
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';
export const SMTP_SIZE_LIMIT = 10 * 1024 * 1024;

function smtpError(message: string, responseCode: number): Error {
  // smtp-server reads `responseCode` off the error to choose the reply code.
  return Object.assign(new Error(message), { responseCode });
}

/**
 * Three SMTP endpoints of smtp-server (nodemailer's), all presenting the `good` certificate where they speak
 * TLS. No authentication ever succeeds and no mail is ever accepted, so a probe cannot cause a delivery.
 */
export async function startSmtpServers(pki: TestPki): Promise<SmtpServers> {
  const common: SMTPServerOptions = {
    name: 'smtp.good.test',
    key: pki.good.key,
    cert: pki.good.cert,
    size: SMTP_SIZE_LIMIT,
    authMethods: ['PLAIN', 'LOGIN'],
    allowInsecureAuth: false,
    logger: false,
    // Without this it looks up the client's address in the system resolver on every connection.
    disableReverseLookup: true,
    // close() waits this long for sessions to end before cutting them; tests should not wait 30 s.
    closeTimeout: 200,
    socketTimeout: 30_000,
    onAuth(_auth, _session, callback) {
      callback(smtpError('5.7.8 Authentication credentials invalid', 535));
    },
    onMailFrom(_address, session, callback) {
      callback(session.secure ? smtpError('5.7.1 Sender rejected: this test server accepts no mail', 550) : smtpError('5.7.0 Must issue a STARTTLS command first', 530));
    },
    onRcptTo(_address, _session, callback) {
      callback(smtpError('5.7.1 Recipient rejected: this test server accepts no mail', 550));
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.once('end', () => callback(smtpError('5.7.1 Message rejected: this test server accepts no mail', 554)));
    },
  };

  const submission = new SMTPServer({
    ...common,
    // smtp-server advertises AUTH before STARTTLS even when it then refuses it (allowInsecureAuth: false);
    // like Postfix's smtpd_tls_auth_only, hide it from the capability list until the session is encrypted.
    onConnect(session, callback) {
      if (!session.secure) session.disabledCommands = ['AUTH'];
      callback();
    },
    onSecure(_socket, session, callback) {
      session.disabledCommands = [];
      callback();
    },
  });
  const smtps = new SMTPServer({ ...common, secure: true });
  const plainNoTls = new SMTPServer({ ...common, disabledCommands: ['STARTTLS'] });
  const servers = [submission, smtps, plainNoTls];
  // A client that vanishes mid-handshake is an error event; unhandled, it would crash the test worker.
  for (const server of servers) server.on('error', () => undefined);

  const listen = (server: SMTPServer) =>
    new Promise<number>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, HOST, () => resolve((server.server.address() as AddressInfo).port));
    });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= Promise.all(servers.map((server) => new Promise<void>((resolve) => (server.server.listening ? server.close(() => resolve()) : resolve())))).then(
      () => undefined,
    );
    return stopping;
  };

  try {
    const [submissionPort, smtpsPort, plainPort] = await Promise.all(servers.map(listen));
    if (submissionPort === undefined || smtpsPort === undefined || plainPort === undefined) throw new Error('an SMTP server has no port');
    return { host: HOST, ports: { submission: submissionPort, smtps: smtpsPort, plainNoTls: plainPort }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
