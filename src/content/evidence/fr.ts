import { phrasesFor } from './build.js';

/** French: Thunderbird's fr catalogs, vendor help pages in French, users' own words. */
const e = phrasesFor('fr');
const TB = 'Thunderbird fr catalogs (thunderbird-l10n)';
const VENDORS = 'Microsoft, Apple, Google, Orange help pages (French)';
const USERS = 'French forum threads and tickets';

export const EVIDENCE_FR = [
  e('auth_failed', 3, ['echec de l authentification|echec d authentification|echec de l identification', 'authentification .. echoue*|impossible|refusee', 'nom d utilisateur|identifiant .. ou .. mot de passe .. incorrect*|invalide*|errone*', 'mot de passe .. incorrect|invalide|refuse|errone', 'identifiants .. incorrects|invalides', 'connexion .. refusee .. mot de passe'], `${TB}; ${VENDORS}`),
  e('auth_failed', 2, ['demande .. mot de passe', 'redemande .. mot de passe'], USERS),
  e('app_password_required', 3.5, ['mot de passe d application|mot de passe pour application|mots de passe d application|mot de passe specifique|mot de passe d app'], VENDORS),
  e('app_password_required', 1.5, ['validation en deux etapes|double authentification|deux facteurs|verification en deux etapes|double facteur'], USERS),
  e('oauth_required', 3, ['authentification moderne', 'authentification de base|authentification basique'], VENDORS),
  e('protocol_disabled', 3, ['imap|pop|pop3 .. desactive|n est pas active|pas active|non active', 'activer .. imap|pop|pop3', 'acces imap|acces pop'], VENDORS),
  e('security_block', 3, ['activite suspecte|connexion suspecte|activite inhabituelle', 'compte .. verrouille|suspendu|bloque'], VENDORS),
  e('host_not_found', 2.5, ['echec de la connexion au serveur'], TB, { client: 'thunderbird' }),
  e('host_not_found', 4, ['serveur .. introuvable', 'hote inconnu|serveur inconnu', 'impossible de trouver le serveur|n a pas ete trouve'], `${VENDORS}; ${TB}`),
  e('connection_refused', 4, ['connexion .. refusee', 'refuse la connexion|a refuse la connexion'], TB, { client: 'thunderbird' }),
  e('timeout', 4, ['delai .. depasse|expire|d attente', 'temps d attente .. depasse|ecoule', 'expiration du delai', 'ne repond pas'], `${TB}; ${VENDORS}`),
  e('timeout', 2.5, ['connexion .. interrompue|perdue|reinitialisee|coupee', 'pare feu|antivirus'], USERS),
  e('tls_mismatch', 3, ['type de chiffrement|methode de chiffrement|type de cryptage', 'connexion tls .. impossible|n a pas pu', 'ne prend pas en charge .. starttls|ssl|tls', 'mauvais port'], `${TB}; ${VENDORS}`),
  e('certificate_problem', 4, ['certificat .. expire|invalide|non valide|pas valide|pas fiable|non approuve|non fiable|inconnu|perime', 'impossible de verifier l identite|verifier l identite du serveur', 'auto signe|autosigne', 'exception de securite'], `${TB}; Apple (fr)`),
  e('certificate_problem', 2, ['certificat|certificats'], USERS),
  e('plaintext_auth_disabled', 2, ['texte clair|en clair|non chiffre*|non securise*|sans chiffrement'], USERS),
  e('connection_limit', 4, ['trop de connexions', 'nombre maximum de connexions|connexions simultanees', 'boite .. verrouillee|occupee|en cours d utilisation'], `${TB}; ${USERS}`),
  e('quota_exceeded', 4, ['boite .. pleine', 'quota .. depasse|atteint', 'espace de stockage .. plein|insuffisant|sature', 'stockage .. plein|sature'], VENDORS),
  e('server_error', 3, ['erreur temporaire|temporairement indisponible|echec temporaire|probleme temporaire', 'reessayez plus tard|reessayer plus tard|reessayez ulterieurement', 'erreur interne|erreur du serveur', 'serveur indisponible|service indisponible'], `${VENDORS}; ${USERS}`),
  e('pop_removes_from_server', 4, ['laisser .. copie .. serveur', 'conserver .. messages|copie .. serveur', 'supprim*|efface* .. du serveur'], `${TB}; Outlook (fr)`),
  e('pop_removes_from_server', 2, ['disparait|disparaissent|disparaitre|disparu|disparus|disparue|disparues'], USERS),
  e('folder_sync', 2.5, ['elements envoyes|messages envoyes|dossier envoyes|courriers envoyes', 'brouillons', 'dossiers .. n apparaissent pas|manquants|ne s affichent pas|pas synchronis*', 'synchronise|synchronisent|synchroniser|synchronisation|synchronises .. dossier|dossiers', 'ne se synchronise'], USERS),
  e('smtp_auth_required', 4, ['relais .. refuse|interdit|non autorise', 'relay access denied', 'authentification requise|requiert une authentification|necessite une authentification', 'serveur sortant .. authentification'], `${VENDORS}; Postfix`),
  e('smtp_auth_required', 1.5, ['impossible d envoyer|n arrive pas a envoyer|ne part pas|ne partent pas|envoi impossible'], USERS),
  e('recipient_rejected', 4, ['destinataire .. inconnu|introuvable|refuse|n existe pas|invalide', 'utilisateur inconnu', 'adresse .. n existe pas|invalide'], 'NDRs (fr)'),
  e('timeout', 3, ['a coupe la connexion|s est deconnecte|a interrompu la connexion|a ferme la connexion', 'ne repond plus'], TB),
  e('host_not_found', 3, ['serveur .. est inconnu|inconnu .. serveur'], TB),
  e('tls_mismatch', 3, ['erreur tls|erreur ssl|erreur de tls', 'ne dispose pas de cette fonctionnalite .. starttls|ne prend pas en charge starttls'], TB),
  e('certificate_problem', 3, ['menace potentielle .. securite|risque .. securite', 'erreur de certificat|erreur du certificat|certificat .. erreur'], TB),
  e('auth_failed', 3, ['envoi du mot de passe .. n a pas reussi|echoue|a echoue', 'la connexion a echoue'], TB),
  e('security_block', 3, ['trop de tentatives .. connexion'], TB),
  e('folder_sync', 3, ['enregistrement .. courriel envoye|message envoye', 'copie .. dossier envoyes|dossier des messages envoyes'], TB),
  e('auth_failed', 2.5, ['ne prend pas en charge la methode d authentification', 'modifier la methode d authentification|changer la methode d authentification'], TB, { client: 'thunderbird' }),
  e('certificate_problem', 3, ['connexion securisee .. serveur|impossible d etablir une connexion securisee'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('plaintext_auth_disabled', 3, ['methodes d authentification .. pas .. prises en charge|non prises en charge'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('timeout', 1.5, ['impossible de se connecter au serveur', 'impossible d ouvrir la connexion'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)'),
];
