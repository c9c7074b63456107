import { describe, expect, it } from 'vitest';
import { ENGINE_TABLES } from '../../src/content/engine-tables.generated.js';
import { CAUSE_IDS, type ContextRule } from '../../src/content/types.js';
import { DiagnosisEngine } from '../../src/core/diagnosis/engine.js';
import { diagnose, KNOWLEDGE } from '../../src/core/diagnosis/index.js';
import { unpackTables } from '../../src/core/diagnosis/tables.js';

const top = (text: string) => diagnose(text).causes[0]?.id;
const ids = (text: string) => diagnose(text).causes.map((c) => c.id);

describe('diagnose: answers in the shape of the spec', () => {
  it('ranks at most 5 known causes with confidences in [0, 1], most likely first', () => {
    const d = diagnose('Sending reported error (0x800CCC0F): The connection to the server was interrupted.');
    expect(d.causes.length).toBeGreaterThan(0);
    expect(d.causes.length).toBeLessThanOrEqual(5);
    for (const c of d.causes) {
      expect(CAUSE_IDS).toContain(c.id);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.title.length).toBeGreaterThan(5);
      expect(c.explanation.length).toBeGreaterThan(20);
      expect(c.fixes.length).toBeGreaterThan(0);
    }
    const confidences = d.causes.map((c) => c.confidence);
    expect([...confidences].sort((a, b) => b - a)).toEqual(confidences);
    expect(Object.keys(d.extracted).sort()).toEqual(['client', 'code', 'codes', 'host', 'port', 'protocol']);
  });

  it('says "unknown", alone, when nothing fits', () => {
    for (const text of ['hello', 'lorem ipsum dolor sit amet', '🙂🙂🙂 🎉']) {
      expect(ids(text)).toEqual(['unknown']);
    }
  });

  it('puts the fix for the user\'s own app first', () => {
    const outlook = diagnose('Outlook: Your server does not support the connection encryption type you have specified.');
    expect(outlook.causes[0]?.id).toBe('tls_mismatch');
    expect(outlook.causes[0]?.fixes[0]).toMatch(/^Outlook/);
    const iphone = diagnose('iPhone: Cannot Verify Server Identity. The identity of "mail.example.com" cannot be verified by Mail.');
    expect(iphone.causes[0]?.id).toBe('certificate_problem');
    expect(iphone.causes[0]?.fixes[0]).toMatch(/iPhone|iPad/);
  });
});

describe('diagnose: typical messages, one line each', () => {
  it.each([
    ['Outlook 0x800CCC92: Your e-mail server rejected your login.', 'auth_failed'],
    ['534-5.7.9 Application-specific password required. Learn more at https://support.google.com/mail/?p=InvalidSecondFactor', 'app_password_required'],
    ['a1 NO AUTHENTICATE failed. (outlook.office365.com, basic authentication is disabled)', 'oauth_required'],
    ['[ALERT] Your account is not enabled for IMAP use. Please visit your Gmail settings page and enable your account for IMAP access.', 'protocol_disabled'],
    ['[ALERT] Please log in via your web browser: https://support.google.com/mail/accounts/answer/78754 (Failure)', 'security_block'],
    ['getaddrinfo ENOTFOUND imap.gmial.com', 'host_not_found'],
    ['Error: connect ECONNREFUSED 203.0.113.7:993', 'connection_refused'],
    ['The operation timed out waiting for a response from the receiving (POP) server 0x8004210A', 'timeout'],
    ['Error: 140226570434368:error:1408F10B:SSL routines:ssl3_get_record:wrong version number', 'tls_mismatch'],
    ['Error: certificate has expired (CERT_HAS_EXPIRED)', 'certificate_problem'],
    ['-ERR Plaintext authentication disallowed on non-secure (SSL/TLS) connections.', 'plaintext_auth_disabled'],
    ['-ERR [IN-USE] Unable to lock maildrop: Mailbox is locked by POP server', 'connection_limit'],
    ['NO [OVERQUOTA] Quota exceeded (mailbox for user is full)', 'quota_exceeded'],
    ['NO [UNAVAILABLE] Temporary failure, please try again later', 'server_error'],
    ['my emails disappear from my phone after Outlook downloads them on my desktop', 'pop_removes_from_server'],
    ['sent items don\'t show on my iPad', 'folder_sync'],
    ['554 5.7.1 <bob@example.org>: Relay access denied', 'smtp_auth_required'],
    ['550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table', 'recipient_rejected'],
    // Languages other than English.
    ['Die Verbindung zum Server wurde abgelehnt. Verbindung mit Server mail.firma.de fehlgeschlagen; die Verbindung wurde verweigert.', 'connection_refused'],
    ['El tiempo de espera de la conexión con el servidor smtp.empresa.es se ha agotado.', 'timeout'],
    ['Le certificat du serveur imap.exemple.fr a expiré.', 'certificate_problem'],
    ['A caixa de correio está cheia, cota excedida.', 'quota_exceeded'],
    ['Nome utente o password errati per il server imap.libero.it', 'auth_failed'],
  ])('%s → %s', (text, cause) => {
    expect(top(text)).toBe(cause);
  });
});

describe('diagnose: context changes the ranking', () => {
  it('an authentication failure at Gmail is first an app-password matter', () => {
    expect(top('Authentication failed for imap.gmail.com')).toBe('app_password_required');
    expect(top('Authentication failed for imap.example-firm.com')).toBe('auth_failed');
  });

  it('works a context out afresh for every text', () => {
    // The engine keeps its verdicts between calls; a verdict must never carry over to the next text.
    const texts = ['Authentication failed for imap.example-firm.com', 'Authentication failed for imap.gmail.com', 'Authentication failed for outlook.office365.com'];
    const alone = texts.map((t) => JSON.stringify(diagnose(t)));
    for (const order of [[0, 1, 2, 0], [1, 0, 2, 1], [2, 1, 0, 2]]) {
      for (const i of order) expect(JSON.stringify(diagnose(texts[i] as string))).toBe(alone[i]);
    }
  });

  it('applies a rule when a later cause of its `from` is the one the text points to', () => {
    const d = diagnose('530 5.7.57 Client not authenticated to send mail (smtp.office365.com)');
    expect(d.causes.map((c) => c.id)).toEqual(['oauth_required', 'smtp_auth_required']);
    expect(d.causes[0]?.evidence.join(' ')).toMatch(/Microsoft 365/);
  });

  it('picks the rules worth a look the same way however many there are', () => {
    // Rules are picked by bits, 32 to a word: ones that never fire, put first, move the real ones
    // to the second word, and the answers must not change.
    const never: ContextRule[] = Array.from({ length: 40 }, (_, i) => ({
      id: `never-${i}`,
      from: ['auth_failed', 'timeout'],
      when: { text: /zzqq-never/ },
      to: { oauth_required: 1 },
      reason: 'never',
      source: 'test',
    }));
    const engine = new DiagnosisEngine({ ...KNOWLEDGE, rules: [...never, ...KNOWLEDGE.rules] }, {}, unpackTables(ENGINE_TABLES));
    const texts = [
      'Authentication failed for imap.gmail.com',
      'Authentication failed for outlook.office365.com over pop3',
      '530 5.7.57 Client not authenticated to send mail (smtp.office365.com)',
      'Connection to smtp.example.com port 25 timed out',
      'SSL handshake failed connecting to mail.example.com:143',
      'Connection: opening to ssl://smtp.example.com:587, timeout=300 connection failed',
      'login failed, but the password works in webmail; 2-step verification is on',
    ];
    for (const text of texts) expect(JSON.stringify(engine.diagnose(text))).toBe(JSON.stringify(diagnose(text)));
  });

  it('an authentication failure at Microsoft 365 is first an OAuth matter', () => {
    expect(top('Authentication failed for outlook.office365.com')).toBe('oauth_required');
  });

  it('a timeout on port 25 names the blocked port', () => {
    const d = diagnose('Connection to smtp.example.com port 25 timed out');
    expect(d.causes[0]?.id).toBe('timeout');
    expect(d.causes[0]?.evidence.join(' ')).toMatch(/port 25/);
  });

  it('a TLS error on port 143 is an encryption mismatch, not a certificate problem', () => {
    expect(top('SSL handshake failed connecting to mail.example.com:143')).toBe('tls_mismatch');
  });

  it('"sending quota" is a sending limit, not a full mailbox', () => {
    expect(top('550 5.4.5 Daily user sending quota exceeded.')).toBe('unknown');
    expect(top('552 5.2.2 Mailbox quota exceeded')).toBe('quota_exceeded');
  });
});

describe('diagnose: the answer is the caller\'s', () => {
  it('changing one answer changes no later one', () => {
    const text = 'Outlook 0x800CCC92: Your e-mail server rejected your login. 535 5.7.8 Authentication failed for imap.gmail.com';
    const first = diagnose(text);
    const before = JSON.stringify(first);
    for (const c of first.causes) {
      c.fixes.push('changed');
      c.fixes.reverse();
      c.evidence.length = 0;
    }
    first.causes.reverse();
    first.extracted.codes.push('changed');
    expect(JSON.stringify(diagnose(text))).toBe(before);
  });

  it('lists at most five distinct pieces of evidence per cause, in the order found', () => {
    const d = diagnose('Authentication failed. Authentication failed. Invalid credentials. Login failed: 535 5.7.8 Username and Password not accepted. AUTHENTICATIONFAILED [AUTHENTICATIONFAILED] Invalid login or password');
    for (const c of d.causes) {
      expect(c.evidence.length).toBeLessThanOrEqual(5);
      expect(new Set(c.evidence).size).toBe(c.evidence.length);
    }
  });
});

describe('diagnose: bad input gets an answer, never a crash', () => {
  const hostile: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t '],
    ['1 MB of text', 'Connection refused. '.repeat(55_000)],
    ['binary bytes', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1')],
    ['NUL bytes', '\u0000'.repeat(10_000)],
    ['only emoji', '😀🔥📧'.repeat(2000)],
    ['nested dots', `${'a.'.repeat(50_000)}`],
    ['dots around an @', `${'a.'.repeat(10_000)}@${'b.'.repeat(10_000)}`],
    ['many addresses', 'x@y.z '.repeat(100_000)],
    ['hyphen labels', `${'a-'.repeat(50_000)}.com`],
    ['long word', 'x'.repeat(200_000)],
    ['many ports', 'port '.repeat(40_000)],
    ['codes galore', '550 5.1.1 '.repeat(20_000)],
    ['IMAP tags', `${'A'.repeat(100_000)}1 NO`],
    ['brackets', `[${'['.repeat(50_000)}AUTHENTICATIONFAILED`],
    ['regex syntax', '(?:.*)+$^[\\]{1000}(a+)+b'.repeat(1000)],
    ['unicode mix', 'Ａｕｔｈｅｎｔｉｃａｔｉｏｎ ｆａｉｌｅｄ ß ﬁ İ ǅ'.repeat(500)],
  ];
  it.each(hostile)('%s', (_name, text) => {
    const d = diagnose(text);
    expect(d.causes.length).toBeGreaterThan(0);
    expect(d.causes.length).toBeLessThanOrEqual(5);
    expect(Array.isArray(d.extracted.codes)).toBe(true);
  });

  it('reads the head and tail of a huge paste', () => {
    const log = `${'noise line\n'.repeat(100_000)}Error: connect ECONNREFUSED 203.0.113.7:993`;
    expect(top(log)).toBe('connection_refused');
  });
});
