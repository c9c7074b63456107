import { phrasesFor } from './build.js';

/** Italian: Thunderbird's it catalogs, vendor help pages in Italian, users' own words. */
const e = phrasesFor('it');
const TB = 'Thunderbird it catalogs (thunderbird-l10n)';
const VENDORS = 'Microsoft, Apple, Google, Libero/Aruba help pages (Italian)';
const USERS = 'Italian forum threads and tickets';

export const EVIDENCE_IT = [
  e('auth_failed', 3, ['autenticazione .. fallita|non riuscita|non valida', 'errore di autenticazione|errore .. autenticazione', 'nome utente|utente .. o .. password .. errat*|non valid*|non corrett*|sbagliat*', 'password .. errata|non valida|non corretta|sbagliata|rifiutata', 'credenziali .. non valide|errate', 'accesso non riuscito|login fallito|impossibile accedere'], `${TB}; ${VENDORS}`),
  e('auth_failed', 2, ['chiede .. password', 'richiede .. password', 'continua a chiedere'], USERS),
  e('app_password_required', 3.5, ['password per le app|password per app|password dell app|password specifica|password specifiche|password per applicazioni'], VENDORS),
  e('app_password_required', 1.5, ['verifica in due passaggi|autenticazione a due fattori|due fattori|doppia autenticazione'], USERS),
  e('oauth_required', 3, ['autenticazione moderna', 'autenticazione di base|autenticazione base'], VENDORS),
  e('protocol_disabled', 3, ['imap|pop|pop3 .. disattivat*|disabilitat*|non e abilitat*|non attiv*', 'abilitare|attivare .. imap|pop|pop3'], VENDORS),
  e('security_block', 3, ['attivita sospetta|accesso sospetto|tentativo di accesso', 'account .. bloccato|sospeso', 'bloccat* .. accesso'], VENDORS),
  e('host_not_found', 2.5, ['impossibile connettersi al server', 'connessione al server .. non riuscita'], TB, { client: 'thunderbird' }),
  e('host_not_found', 4, ['server .. non trovato|non e stato trovato|sconosciuto', 'host sconosciuto', 'impossibile trovare il server'], `${VENDORS}; ${TB}`),
  e('connection_refused', 4, ['connessione .. rifiutata', 'ha rifiutato la connessione|rifiuta la connessione'], TB, { client: 'thunderbird' }),
  e('timeout', 4, ['tempo .. scaduto|esaurito', 'tempo di attesa .. scaduto|superato|esaurito', 'timeout .. connessione', 'non risponde'], `${TB}; ${VENDORS}`),
  e('timeout', 2.5, ['connessione .. interrotta|persa|chiusa|reimpostata', 'firewall|antivirus'], USERS),
  e('tls_mismatch', 3, ['tipo di crittografia|metodo di crittografia|tipo di cifratura', 'impossibile stabilire .. connessione tls|connessione sicura', 'non supporta .. starttls|ssl|tls', 'porta sbagliata|porta errata'], `${TB}; ${VENDORS}`),
  e('certificate_problem', 4, ['certificato .. scaduto|non valido|non attendibile|non affidabile|sconosciuto', 'verificare l identita del server|identita del server', 'autofirmato|auto firmato', 'eccezione di sicurezza'], `${TB}; Apple (it)`),
  e('certificate_problem', 2, ['certificato|certificati'], USERS),
  e('plaintext_auth_disabled', 2, ['testo semplice|in chiaro|non crittografat*|non sicur*|senza crittografia'], USERS),
  e('connection_limit', 4, ['troppe connessioni', 'numero massimo di connessioni|connessioni simultanee', 'casella .. bloccata|occupata|in uso'], `${TB}; ${USERS}`),
  e('quota_exceeded', 4, ['casella .. piena', 'quota .. superata|esaurita|raggiunta', 'spazio .. esaurito|insufficiente', 'archiviazione .. piena|esaurita'], VENDORS),
  e('server_error', 3, ['errore temporaneo|temporaneamente non disponibile|problema temporaneo', 'riprova piu tardi|riprovare piu tardi|riprova tra poco', 'errore interno|errore del server', 'server non disponibile|servizio non disponibile'], `${VENDORS}; ${USERS}`),
  e('pop_removes_from_server', 4, ['lascia|lasciare|mantieni|mantenere .. copia .. server', 'lasciare .. messaggi sul server', 'cancellat*|eliminat*|rimoss* .. dal server'], `${TB}; Outlook (it)`),
  e('pop_removes_from_server', 2, ['spariscono|scompaiono|scompare|scomparsi|scomparse|spariti|sparite'], USERS),
  e('folder_sync', 2.5, ['posta inviata|elementi inviati|messaggi inviati|cartella inviati|inviata', 'bozze', 'cartelle .. non .. compaiono|visualizzate|sincronizz*', 'cartelle .. mancanti', 'sincronizza|sincronizzano|sincronizzare|sincronizzazione|sincronizzato .. cartella|cartelle', 'non sincronizza'], USERS),
  e('smtp_auth_required', 4, ['relay .. negato|non consentito|non permesso', 'inoltro negato', 'richiede l autenticazione|autenticazione richiesta|richiesta autenticazione', 'server in uscita .. autenticazione'], `${VENDORS}; Postfix`),
  e('smtp_auth_required', 1.5, ['non riesco a inviare|impossibile inviare|non invia|non parte|non partono'], USERS),
  e('recipient_rejected', 4, ['destinatario .. sconosciuto|inesistente|rifiutato|non esiste|non valido', 'utente sconosciuto', 'indirizzo .. non esiste|inesistente|non valido'], 'NDRs (it)'),
  e('timeout', 3, ['si e disconnesso|ha chiuso la connessione|ha interrotto la connessione', 'ha smesso di rispondere|non risponde piu'], TB),
  e('host_not_found', 3, ['server .. e sconosciuto|sconosciuto .. server'], TB),
  e('tls_mismatch', 3, ['errore tls|errore ssl|errore di tls', 'manca questa funzionalita .. starttls|non supporta starttls'], TB),
  e('certificate_problem', 3, ['potenziale minaccia .. sicurezza|minaccia alla sicurezza', 'errore certificato|errore del certificato|errore di certificato'], TB),
  e('auth_failed', 3, ['invio della password .. non .. riuscito|fallito'], TB),
  e('security_block', 3, ['troppi tentativi .. accesso|login'], TB),
  e('folder_sync', 3, ['salvataggio .. messaggio inviato|copia .. inviata|cartella posta inviata'], TB),
  e('auth_failed', 2.5, ['non supporta il metodo di autenticazione', 'modificare il metodo di autenticazione|cambiare il metodo di autenticazione'], TB, { client: 'thunderbird' }),
  e('certificate_problem', 3, ['connettersi in modo sicuro|connessione sicura .. server'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('plaintext_auth_disabled', 3, ['metodi di autenticazione .. non .. supportati'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('timeout', 1.5, ['impossibile connettersi al server|errore di connessione al server'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)'),
];
