import { phrasesFor } from './build.js';

/** German: Thunderbird's de catalogs, Outlook/Apple/GMX/web.de wording, and users' own words. */
const e = phrasesFor('de');
const TB = 'Thunderbird de catalogs (thunderbird-l10n: messenger.properties, imapMsgs, localMsgs, composeMsgs)';
const VENDORS = 'Microsoft, Apple, GMX/web.de help pages (German)';
const USERS = 'German forum threads and tickets';

export const EVIDENCE_DE = [
  e('auth_failed', 3, ['authentifizierung|authentifikation|anmeldung|login|authentisierung .. fehlgeschlagen', 'benutzername|benutzernamen|nutzername|anmeldename .. oder .. passwort|kennwort .. falsch|ungultig|nicht korrekt', 'passwort|kennwort .. falsch|ungultig|abgelehnt|nicht akzeptiert|nicht korrekt', 'falsches passwort|falsches kennwort', 'ungultige anmeldedaten|zugangsdaten .. falsch|ungultig', 'anmeldung .. nicht moglich|abgelehnt'], `${TB}; ${VENDORS}`),
  e('auth_failed', 2, ['fragt .. nach .. passwort|kennwort', 'passwortabfrage|kennwortabfrage', 'immer wieder .. passwort|kennwort'], USERS),
  e('app_password_required', 3.5, ['app passwort|app passworter|app kennwort|anwendungsspezifisches passwort|anwendungskennwort|app spezifisches passwort'], VENDORS),
  e('app_password_required', 1.5, ['zwei faktor|2 faktor|zweistufige|bestatigung in zwei schritten|zwei schritt'], USERS),
  e('oauth_required', 3, ['moderne authentifizierung', 'standardauthentifizierung|basisauthentifizierung|basic auth'], VENDORS),
  e('protocol_disabled', 3, ['imap|pop3|pop .. deaktiviert|nicht aktiviert|ausgeschaltet|nicht freigeschaltet', 'imap|pop3|pop .. aktivieren|freischalten|einschalten', 'pop3 und imap abruf|pop3 imap abruf|externe programme'], 'GMX / web.de help (POP3/IMAP Abruf)'),
  e('security_block', 3, ['verdachtig|verdachtige|verdachtigen|verdachtiger|verdachtiges', 'ungewohnliche aktivitat', 'konto .. gesperrt|blockiert', 'zugriff .. gesperrt', 'uber .. webbrowser .. anmelden|im browser anmelden'], VENDORS),
  e('host_not_found', 2.5, ['verbindung mit server .. fehlgeschlagen', 'verbindung zum server .. fehlgeschlagen'], TB, { client: 'thunderbird' }),
  e('host_not_found', 4, ['server .. nicht gefunden|nicht gefunden werden', 'unbekannter host|host unbekannt', 'konnte nicht gefunden werden', 'servername .. falsch|nicht aufgelost'], `${VENDORS}; ${TB}`),
  e('connection_refused', 4, ['verbindung .. verweigert|abgelehnt', 'verweigert die verbindung'], TB, { client: 'thunderbird' }),
  e('timeout', 4, ['zeituberschreitung|zeituberschreitungen', 'ablaufzeit .. uberschritten', 'zeitlimit .. uberschritten|erreicht', 'antwortet nicht|reagiert nicht', 'keine antwort'], `${TB}; ${VENDORS}`),
  e('timeout', 2.5, ['verbindung .. unterbrochen|abgebrochen|zuruckgesetzt|getrennt', 'firewall|virenscanner|antivirus|virenschutz'], USERS),
  e('tls_mismatch', 3, ['verschlusselungsart|verschlusselungsmethode|verschlusselungstyp|verschlusselungsverfahren', 'tls verbindung .. nicht .. hergestellt|aufgebaut', 'unterstutzt .. starttls|ssl|tls .. nicht', 'falscher port'], `${TB}; ${VENDORS}`),
  e('certificate_problem', 4, ['zertifikat .. abgelaufen|ungultig|nicht vertrauenswurdig|nicht uberpruft|fehlerhaft|nicht gultig|unbekannt', 'identitat .. server* .. nicht .. uberpruft|bestatigt|verifiziert', 'selbst signiert|selbstsigniert', 'sicherheitsausnahme'], `${TB}; Apple Mail (de)`),
  e('certificate_problem', 2, ['zertifikat|zertifikate|zertifikats'], USERS),
  e('plaintext_auth_disabled', 3, ['klartext* .. nicht erlaubt|deaktiviert|nicht zulassig', 'verschlusselte verbindung .. erforderlich|notwendig'], `${VENDORS}; Dovecot`),
  e('plaintext_auth_disabled', 1.5, ['unverschlusselt|unverschlusselte|unverschlusselten|ungesichert|ungesicherte|ungesicherten|ohne verschlusselung|klartext'], USERS),
  e('connection_limit', 4, ['zu viele .. verbindungen|gleichzeitige verbindungen', 'maximale anzahl .. verbindungen', 'postfach .. gesperrt|blockiert|belegt|in benutzung'], `${TB}; ${USERS}`),
  e('quota_exceeded', 4, ['postfach .. voll', 'speicher* .. voll|erschopft|uberschritten', 'speicherplatz .. voll|nicht ausreichend|erschopft', 'kontingent|quota .. uberschritten|erreicht|voll'], VENDORS),
  e('server_error', 3, ['vorubergehend* .. fehler|nicht verfugbar|problem|storung', 'interner fehler|interner serverfehler|serverfehler', 'spater erneut|spater noch einmal', 'server .. nicht verfugbar|ausgefallen|storung'], `${VENDORS}; ${USERS}`),
  e('pop_removes_from_server', 4, ['kopie .. auf dem server .. lassen|belassen|behalten', 'nachrichten auf dem server (belassen|lassen)', 'vom server .. geloscht|entfernt', 'vom server (loschen|entfernen)', 'geloscht .. server'], `${TB}; Outlook (de)`),
  e('pop_removes_from_server', 2, ['verschwinden|verschwunden|verschwindet|weg .. handy|iphone|webmail|server', 'nach dem abrufen|nach dem herunterladen'], USERS),
  e('folder_sync', 2.5, ['gesendete elemente|gesendete objekte|gesendete nachrichten|gesendete mails|gesendet ordner|ordner gesendet', 'entwurfe|entwurf', 'ordner .. fehlen|fehlt|nicht angezeigt|nicht sichtbar|nicht synchron*|leer', 'abonniert|abonnieren|abonnierte|abonnierten|abonnement', 'synchronisier* .. nicht', 'synchronisation'], USERS),
  e('smtp_auth_required', 4, ['relaying .. verweigert|nicht erlaubt|abgelehnt', 'relay access denied', 'postausgangsserver .. authentifizierung', 'smtp .. authentifizierung .. erforderlich', 'authentifizierung .. erforderlich|notwendig'], `${VENDORS}; Postfix`),
  e('smtp_auth_required', 1.5, ['kann .. nicht senden|versenden', 'senden .. nicht moglich|fehlgeschlagen', 'versand .. fehlgeschlagen|nicht moglich'], USERS),
  e('recipient_rejected', 4, ['empfanger .. unbekannt|nicht gefunden|abgelehnt|existiert nicht|ungultig', 'benutzer unbekannt|unbekannter benutzer', 'adresse .. existiert nicht|ungultig', 'unzustellbar'], 'Exchange / Postfix NDRs (de)'),
  e('timeout', 3, ['hat die verbindung .. getrennt|beendet', 'verbindung .. getrennt|verloren', 'reagiert nicht mehr|antwortet nicht mehr'], TB),
  e('tls_mismatch', 3, ['tls fehler|ssl fehler|tls .. nicht ignoriert', 'fehlt diese fahigkeit .. starttls|unterstutzt .. starttls nicht'], TB),
  e('certificate_problem', 3, ['potenzielle sicherheitsbedrohung|mogliches sicherheitsrisiko', 'zertifikatfehler|zertifikatsfehler'], TB),
  e('auth_failed', 3, ['ubermittlung des passworts .. fehlgeschlagen|nicht erfolgreich', 'senden des passworts .. fehlgeschlagen|nicht erfolgreich'], TB),
  e('security_block', 3, ['zu viele .. anmeldeversuche|fehlgeschlagene anmeldungen'], TB),
  e('folder_sync', 3, ['gesendet ordner .. speichern|kopieren', 'speichern .. gesendeten nachricht', 'kopieren der nachricht in den ordner gesendet'], TB),
  e('auth_failed', 2.5, ['unterstutzt die gewahlte authentifizierungsmethode nicht', 'authentifizierungsmethode .. andern'], TB, { client: 'thunderbird' }),
  e('certificate_problem', 3, ['sichere verbindung .. nicht|keine sichere verbindung', 'keine sichere verbindung zum server'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('plaintext_auth_disabled', 3, ['authentifizierungsmethoden .. nicht unterstutzt|werden .. nicht unterstutzt'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('timeout', 1.5, ['keine verbindung zum server', 'verbindung zum server .. nicht moglich'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)'),
];
