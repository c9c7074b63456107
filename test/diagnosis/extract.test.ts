import { describe, expect, it } from 'vitest';
import { extract, findCodes, findHost, findPort } from '../../src/core/diagnosis/extract.js';
import { CLIENT_MENTIONS } from '../../src/content/extraction.js';
import { findProtocol, PROTOCOL_WORDS } from '../../src/core/diagnosis/extract-protocol.js';
import { gateStrings } from '../../src/core/diagnosis/literals.js';
import { wordSet } from '../../src/core/diagnosis/extract-words.js';
import type { Protocol } from '../../src/content/types.js';
import { readLabelled } from '../support/labelled.js';
import { scanWords, WordBuffer } from '../../src/core/diagnosis/normalize.js';

describe('findHost', () => {
  it.each([
    ['Could not connect to server mail.mydomain.co.uk; the connection was refused.', 'mail.mydomain.co.uk'],
    ['stream_socket_client(): unable to connect to tcp://imap.tscholz.net:143 (Connection timed out)', 'imap.tscholz.net'],
    ['pop3Client.Connect("pop.gmail.com", 995, true)', 'pop.gmail.com'],
    ['Office365 (outlook.office365.com, 993, SSL) I get "Authentication Failed."', 'outlook.office365.com'],
    ['The user name or password for “imap.mail.me.com” is incorrect.', 'imap.mail.me.com'],
    ['Could not connect to mx01.hosting-firm.example:587', 'mx01.hosting-firm.example'],
    ['insecure imap connection to localhost in Mail app', 'localhost'],
    ['Resolving host imap-mail.outlook.com . . . done. * OK Outlook.com IMAP4rev1 server ready', 'imap-mail.outlook.com'],
    // Not servers: an address's domain, a web link, Exchange's diagnostic host, files, plain domains.
    ['rcpt=admin@platform-dev.zimbradev.com response=552 5.2.2 Over quota', null],
    ['More information in http://service.mail.qq.com/cgi-bin/help?id=28', null],
    ['554 5.2.0 STOREDRV.Submission.Exception [Hostname=TY2PR06MB3117.apcprd06.prod.outlook.com]', null],
    ['it happens in all domains: gmail.com, yahoo.com, outlook.com', null],
    ['see messenger.properties and node.js', null],
    ['', null],
    // The first label and the extension in either case, as they stand in the text.
    ['Could not connect to SMTP.Example.COM, it says', 'SMTP.Example.COM'],
    ['Mx-Eu.mail.example.net timed out', 'Mx-Eu.mail.example.net'],
    ['see Mail2.example.com and app.config.JSON', 'Mail2.example.com'],
    ['see mail.config.JSON', null],
  ])('%s → %s', (text, host) => {
    expect(findHost(text)).toBe(host);
  });
});

describe('findPort', () => {
  it.each([
    ['via port 465 (SSL), but 587 (TLS) works', 465],
    ['pop3, SSL, port=995', 995],
    ['IMAP Settings: mail.gmx.net Port 465', 465],
    ['tcp://imap.tscholz.net:143 (Connection timed out)', 143],
    ['Connect("pop.gmail.com", 995, true)', 995],
    ['(outlook.office365.com, 993, SSL)', 993],
    ['Porta 993 con SSL', 993],
    ['smtp on 587 with STARTTLS', 587],
    ['listening on 127.0.0.1:2525', 2525],
    ['I sent 465 messages in 2020', null],
    ['error 0x800CCC0E', null],
    ['port 99999', null],
  ])('%s → %s', (text, port) => {
    expect(findPort(text)).toBe(port);
  });
});

describe('findCodes', () => {
  const codes = (text: string) => findCodes(text).map((c) => c.text);
  it.each([
    ['Sending reported error (0x800CCC0F): The connection to the server was interrupted.', ['0x800CCC0F']],
    ['Socket Error: 10060, Error Number: 0x800CCC0E', ['10060', '0x800CCC0E']],
    ['550 5.1.1 <bob@example.com>: Recipient address rejected: User unknown', ['550', '5.1.1']],
    ['Error: Invalid login: 535-5.7.8 Username and Password not accepted.', ['535', '5.7.8']],
    ['SMTP code:530 msg:530 SMTP authentication is required.', ['530']],
    ['In the error there is ` 4.7.0 Temporary System Problem.', ['4.7.0']],
    ['A1 NO [AUTHENTICATIONFAILED] Invalid credentials (Failure)', ['AUTHENTICATIONFAILED']],
    ['-ERR [IN-USE] Unable to lock maildrop', ['IN-USE']],
    ['-ERR [sys/temp] Internal error', ['SYS/TEMP']],
    ['* CAPABILITY IMAP4rev1 LOGINDISABLED STARTTLS', ['LOGINDISABLED']],
    ['Error: connect ECONNREFUSED 127.0.0.1:993', ['ECONNREFUSED']],
    ['Error: certificate has expired, code: CERT_HAS_EXPIRED', ['CERT_HAS_EXPIRED']],
    ['Hostname/IP does not match certificate\'s altnames: ERR_TLS_CERT_ALTNAME_INVALID', ['ERR_TLS_CERT_ALTNAME_INVALID']],
    // Not codes: ports, versions, addresses, years.
    ['port 465 and port 587 on Dovecot 2.3.19.1 at 157.56.195.250 since 2020', []],
    ['Roundcube 1.4.2 on v5.1.1', []],
  ])('%s → %o', (text, expected) => {
    expect(codes(text)).toEqual(expected);
  });
});

describe('extract', () => {
  it('names the most telling code and every code as written', () => {
    const e = extract('SMTP Error: 554 5.7.1 <x@y.example>: Relay access denied; Socket Error: 10054');
    expect(e.codes).toEqual(['554', '5.7.1', '10054']);
    expect(e.code).toBe('554');
    expect(e.protocol).toBe('smtp');
  });

  it('prefers a specific Outlook code over a generic one', () => {
    expect(extract('0x80004005 then 0x800CCC92').code).toBe('0x800CCC92');
  });

  it.each([
    ['Thunderbird says the connection to imap.example.com timed out', 'thunderbird', 'imap'],
    ['On my iPhone: Cannot Get Mail. The user name or password for pop.example.com is incorrect.', 'ios_mail', 'pop3'],
    ['Outlook Express Error : 0x800CCC0B SERVER OR MAILDROP IS BUSY', 'windows_mail', null],
    ['Error in Outlook: Sending reported error (0x800CCC0F)', 'outlook', 'smtp'],
    ['K-9 Mail shows "Authentication failed" for my IMAP account', 'android', 'imap'],
    ['Mail.app keeps asking for my password', 'apple_mail', null],
    ['iOS Mail fails to log in, but it works in Thunderbird', 'ios_mail', null],
    ['-ERR [SYS/TEMP] Internal error occurred.', null, 'pop3'],
  ])('%s → client %s, protocol %s', (text, client, protocol) => {
    const e = extract(text);
    expect(e.client).toBe(client);
    expect(e.protocol).toBe(protocol);
  });

  it('returns nulls and empty lists for text without facts', () => {
    const e = extract('🙂🙂🙂');
    expect(e).toMatchObject({ host: null, port: null, protocol: null, code: null, codes: [] });
  });
});

describe('cheap tests before the patterns', () => {
  // Every pattern's matches over the labelled messages, and over each app name as written.
  const texts = ['errors-dev.jsonl', 'corpus/catalogs.jsonl', 'corpus/localized.jsonl', 'corpus/reports.jsonl', 'corpus/threads.jsonl', 'corpus/vendors.jsonl']
    .flatMap((f) => readLabelled(f).map((r) => r.text))
    .concat([
      'Thunderbird für Android', 'thunderbird for android', 'Thunderbird para Android', 'Thunderbird pour Android', 'Thunderbird per Android',
      'Outlook for Android', 'Outlook app for Android', 'Outlook on Android', 'Thunderbird on Android', 'Thunderbird and K-9', 'K-9 Mail', 'k9mail', 'Samsung E-mail', 'Outlook app on Android', 'DeltaChat', 'Outlook Express',
      'Windows 11 Mail', 'Mail & Calendar', 'Mail-App von Windows', 'Courrier Windows', 'iPadOS', 'Impossible de vérifier l’identité du serveur',
      'Identität des Servers kann nicht überprüft werden', 'No se puede verificar la identidad del servidor', 'Mail.app', 'Mac OS X', 'OS X',
      'on my Mac', 'en mi Mac', 'TB 128', 'Betterbird', 'Gmail-App', 'App de Gmail', 'Check mail from other accounts', 'Mail Fetcher',
      'E-Mails von anderen Konten abrufen', 'Consultar el correo de otras cuentas', 'MS Office', 'Office 2019', 'Microsoft 365 Apps',
    ]);

  it('every app mention contains one of its literals', () => {
    const misses: string[] = [];
    for (const { client, pattern } of CLIENT_MENTIONS) {
      // The strings its gate looks for; a pattern without any is never gated.
      const literals = gateStrings(pattern) ?? [];
      if (literals.length === 0) continue;
      const all = new RegExp(pattern.source, `${pattern.flags}g`);
      for (const text of texts) {
        for (const m of text.matchAll(all)) if (!literals.some((l) => m[0].toLowerCase().includes(l))) misses.push(`${client}: ${m[0]}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('SMTP reply codes are looked for only when one stands alone, with the same codes found', () => {
    for (const text of texts) {
      const codes = findCodes(text).filter((c) => c.kind === 'smtp_reply');
      for (const c of codes) expect(`${text[c.index - 1] ?? ' '}${text.slice(c.index, c.index + 3)}${text[c.index + 3] ?? ' '}`).toMatch(/^\D\d{3}\W$/);
    }
    expect(findCodes('error code550 mailbox unavailable').map((c) => c.text)).toEqual(['550']);
    expect(findCodes('Server replied 5501 and 1550').map((c) => c.text)).toEqual([]);
  });
});

describe('what the patterns decide, kept where they are tried only at their candidates', () => {
  it.each([
    // "port" anywhere lets "puerto 993" count; a mail port standing alone lets "993ssl" count.
    ['puerto 993', null],
    ['puerto 993, port', 993],
    ['993ssl', null],
    ['993ssl or 995', 993],
    // Digits as written: "0025" is not the mail port 25, but any port the words name is read as a number.
    ['0025 ssl', null],
    ['Port: 00993', 993],
    ['smtp587', null],
    // A host and its port after a comma: a match that uses up the start of the next hides it.
    ['a.bc, 00.de, 34', null],
    ['x.bc, 34', 34],
    ['port 65536 and imap: 143', 143],
    ['host.com.:993', 993],
    ['tcp://imap.example.com:993/x?a=b', 993],
    ['10:30 meeting', 30],
  ])('findPort(%j) → %s', (text, port) => {
    expect(findPort(text)).toBe(port);
  });

  it.each([
    ['tcp://imap.example.com:993/x?a=b', 'imap.example.com'],
    ['ssl://smtp.example.com:465/path=1', 'smtp.example.com'],
    ['imaps://user@imap.example.com', null],
    ['https://mail.example.com/owa', null],
    ['LOCALHOST:143 STARTTLS', 'LOCALHOST'],
  ])('findHost(%j) → %s', (text, host) => {
    expect(findHost(text)).toBe(host);
  });

  it.each([
    ['socketerror10054', ['10054']],
    ['Socket Error #11001', ['11001']],
    ['550\n551 Mailbox', ['550', '551']],
    ['x550 5.1.1', ['5.1.1']],
    ['"550 5.7.1"', ['550', '5.7.1']],
    ['code: 4.7.0 and 4.7.0', ['4.7.0']],
    ['[in-use] [IN-USE]', ['IN-USE']],
    ['EAI_AGAIN_X ECONNRESET', ['ECONNRESET']],
  ])('findCodes(%j) → %o', (text, expected) => {
    expect(findCodes(text).map((c) => c.text)).toEqual(expected);
  });

  it('counts IMAP wire lines after any line break', () => {
    expect(extract('A1 OK done\r\n* OK ready\r\nA2 NO bad').protocol).toBe('imap');
    expect(extract('* OK IMAP4rev1\n* BYE\n').protocol).toBe('imap');
  });

  it('names Gmail for its app, not for a gmail.com address or host', () => {
    expect(extract('I use the Gmail app on my phone').client).toBe('gmail');
    expect(extract('my gmail.com account in the mail app').client).toBe('other');
  });

  it('finds no host in a run of dots or colons', () => {
    // How long these take is measured in bench/run.mjs ("20,000 dots": the old pattern took ~1 s).
    for (const text of ['.'.repeat(19_999) + ' ', ':!'.repeat(9_999) + ' ', 'a.'.repeat(10_000)]) expect(extract(text).host).toBeNull();
  });
});

describe('host tokens read from a copy of the code units', () => {
  it('stops at the end of a short text after a longer one left its characters behind', () => {
    expect(findHost('Could not connect to imap.example.org:993 today, said the long log line')).toBe('imap.example.org');
    // The shared copy still holds "org:993 today…" past this text's end; the token must not run on into it.
    expect(findHost('connect to imap.example.org')).toBe('imap.example.org');
    expect(findPort('connect to imap.example.org', undefined)).toBeNull();
    expect(findHost('server imap.exa')).toBe(null);
  });

  it('reads a text longer than the shared copy, with the host at its end', () => {
    const text = 'x '.repeat(15_000) + 'failed: smtp.example.net:587';
    expect(findHost(text)).toBe('smtp.example.net');
    expect(findPort(text)).toBe(587);
  });

  it('reads hosts after non-ASCII characters and surrogate pairs where they stand', () => {
    expect(findHost('Échec 😀 de connexion au serveur «imap.example.fr:993»')).toBe('imap.example.fr');
    expect(findPort('Échec 😀 de connexion au serveur «imap.example.fr:993»')).toBe(993);
  });
});

describe('votes and sentences read without arrays', () => {
  it.each([
    ['Cannot reach POP3S.example.com:1234', 'pop3'],
    ['Cannot reach Relay-2.example.com:1234', 'smtp'],
    ['Cannot reach imap-x.example.com:1234', 'imap'],
    ['Cannot reach popx.example.com:1234', null],
  ])('the host %j votes for %s by its first label, up to a dot or hyphen, in any case', (text, protocol) => {
    expect(extract(text).protocol).toBe(protocol);
  });

  it.each([
    ['It works in Thunderbird. Outlook fails', 'outlook'],
    ['Outlook fails\nbut Thunderbird works fine', 'outlook'],
    ['Outlook says no. Thunderbird.', 'outlook'],
  ])('the sentence around an app name ends at a dot or a line feed: %j', (text, client) => {
    expect(extract(text).client).toBe(client);
  });
});

describe('protocol words tried only where their strings are', () => {
  const CORPUS = ['errors-dev.jsonl', 'holdout.jsonl', ...['catalogs', 'localized', 'reports', 'threads', 'vendors'].map((f) => `corpus/${f}.jsonl`)];
  const EDGES = ['İstanbul SMTP send imap', 'K \u212a smtp ESMTP esmtps', '+OK ready\n-ERR bad\n +OK x', '-ERR first', 'EHLO a\nMAIL FROM:<a@b>\nDATA\n', 'ehlo mail from data', 'ſmtp ſend', 'smtp smtp smtp smtp smtp smtp esmtp', 'fetched accounts fetcher mail from other',
    // The IMAP wire form, tried only at lines whose tag can be one: its length, a blank before it, what ends it.
    'abcdefgh123456 OK ready\nabcdefghi1 NO x\nabcdefgh1234567 BAD\n a1 BYE\n\t* ok\n  * NO\n*1 OK\nx1* NO\n1 OK\n* capability\n',
    'no\n* ok', 'ok\n\n', 'ok\n*', 'no\na1 ', '* OK\r\na2 NO\u2028a3 BAD', 'ok \u212a1 OK\nſ1 NO'];
  const texts = [...CORPUS.flatMap((f) => readLabelled(f).map((r) => r.text)), ...EDGES].flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]);

  it('finds every match of each pattern at one of its strings (after at most its lead)', () => {
    const wrong: string[] = [];
    for (const { pattern, starts, lead = 0 } of PROTOCOL_WORDS) {
      if (!starts) continue;
      for (const text of texts) {
        for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
          const seen = m[0].toLowerCase();
          if (!starts.some((s) => seen.slice(0, lead + s.length).includes(s))) wrong.push(`${pattern.source.slice(0, 30)} | ${m[0]}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('votes as the scan of the whole text does', () => {
    // The votes of the protocol words alone, each pattern run over the whole text as a global search.
    const scanned = (text: string): Protocol | null => {
      const words = wordSet(text);
      const votes = { imap: 0, pop3: 0, smtp: 0 };
      for (const { protocol, pattern, weight, keywords } of PROTOCOL_WORDS) {
        if (!words.hasAny(keywords)) continue;
        const global = new RegExp(pattern.source, pattern.flags);
        let n = 0;
        while (n < 5 && global.test(text)) n++;
        votes[protocol] += n * weight;
      }
      const best = Math.max(votes.imap, votes.pop3, votes.smtp);
      const leaders = (['imap', 'pop3', 'smtp'] as const).filter((p) => votes[p] === best);
      return best === 0 || leaders.length > 1 ? null : (leaders[0] ?? null);
    };
    for (const text of texts) expect(findProtocol(text, null, null, []), text.slice(0, 60)).toBe(scanned(text));
  });
});

describe("the host's first label, compared in place", () => {
  it.each([
    ['IMAP.gmail.com', 'imap'], ['Pop3S.example.com', 'pop3'], ['smtp-mail.outlook.com', 'smtp'], ['SecureSMTP.x.net', 'smtp'],
    ['imap', 'imap'], ['imapx.example.com', null], ['ſmtp.example.com', null], ['İmap.example.com', null], ['relay\u212a.x', null], ['', null],
  ])('%s → %s', (host, protocol) => {
    expect(findProtocol('', host, null, [])).toBe(protocol);
  });
});

describe('blank runs collapsed from where the scanner noted them', () => {
  const byReplace = (text: string) => text.replace(/\s{2,}|[^\S \n]/g, (run) => (run.includes('\n') ? '\n' : ' '));
  const words = new WordBuffer();
  const asRead = (text: string) => {
    scanWords(text, words);
    return extract(text, { has: () => false, hasAny: () => false, blankRuns: words.blankRuns }).read;
  };

  it('as a replace of every run would, at the start, the end, and around names and accents', () => {
    const blanks = [' ', '  ', '\t', '\u00a0', '\u2028', '\r\n', '\n\n', ' \n ', '\r', '\f\v', '\u3000', '\u2009 ', '\ufeff', '\u1680'];
    for (const b of blanks) {
      for (const text of [`a${b}b`, `${b}a b${b}`, `${b}${b}`, `x  é${b}anna.smith@example.com${b}mail.example.com\t.`, `port${b}\u00a0587 ß${b}`]) {
        const read = asRead(text);
        // A text without runs is read as it is; with any, every blank that a collapse changes is.
        expect(read, JSON.stringify(text)).toBe(words.blankRuns ? byReplace(text) : text);
      }
    }
  });

  it('by a replace when the text is not the one scanned last', () => {
    scanWords('other  text', words);
    const text = 'a  b\t\tc';
    expect(extract(text, { has: () => false, hasAny: () => false, blankRuns: true }).read).toBe('a b c');
  });

  it('over a long text with many runs', () => {
    const text = 'word  \t'.repeat(3000);
    expect(asRead(text)).toBe(byReplace(text));
  });
});
