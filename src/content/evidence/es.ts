import { phrasesFor } from './build.js';

/** Spanish: Thunderbird's es-ES catalogs, vendor help pages in Spanish, users' own words. */
const e = phrasesFor('es');
const TB = 'Thunderbird es-ES catalogs (thunderbird-l10n)';
const VENDORS = 'Microsoft, Apple, Google help pages (Spanish)';
const USERS = 'Spanish forum threads and tickets';

export const EVIDENCE_ES = [
  e('auth_failed', 3, ['autenticacion .. fallida|fallo|ha fallado|incorrecta', 'fallo .. autenticacion', 'error de autenticacion', 'usuario|nombre de usuario .. o .. contrasena .. incorrect*|no valid*|erroneo*', 'contrasena .. incorrecta|no valida|erronea|invalida|equivocada', 'credenciales .. invalidas|incorrectas|no validas', 'inicio de sesion .. fallido|fallo', 'no se pudo iniciar sesion|no puedo iniciar sesion'], `${TB}; ${VENDORS}`),
  e('auth_failed', 2, ['pide .. contrasena', 'pidiendo .. contrasena', 'solicita .. contrasena'], USERS),
  e('app_password_required', 3.5, ['contrasena de aplicacion|contrasena para aplicaciones|contrasena de aplicaciones|contrasenas de aplicaciones|contrasena especifica|contrasenas de aplicacion'], VENDORS),
  e('app_password_required', 1.5, ['verificacion en dos pasos|doble factor|dos factores|autenticacion en dos pasos|2 pasos'], USERS),
  e('oauth_required', 3, ['autenticacion moderna', 'autenticacion basica'], VENDORS),
  e('protocol_disabled', 3, ['imap|pop|pop3 .. no esta habilitado|desactivado|deshabilitado|no esta activado', 'habilitar|activar .. imap|pop|pop3'], VENDORS),
  e('security_block', 3, ['actividad sospechosa|inicio de sesion sospechoso|acceso sospechoso', 'cuenta .. bloqueada|suspendida', 'bloquead* .. acceso|inicio'], VENDORS),
  e('host_not_found', 2.5, ['no se pudo conectar (con el|al) servidor'], TB, { client: 'thunderbird' }),
  e('host_not_found', 4, ['no se encontro el servidor|servidor no encontrado|no se puede encontrar el servidor|no se encuentra el servidor', 'host desconocido|servidor desconocido'], `${VENDORS}; ${TB}`),
  e('connection_refused', 4, ['conexion .. rechazada', 'rechazo la conexion|rechaza la conexion'], TB, { client: 'thunderbird' }),
  e('timeout', 4, ['tiempo de espera .. agotado|excedido|expirado|superado', 'se agoto el tiempo', 'no responde|no esta respondiendo', 'tiempo de conexion agotado'], `${TB}; ${VENDORS}`),
  e('timeout', 2.5, ['conexion .. interrumpida|perdida|cerrada|reiniciada', 'cortafuegos|antivirus|firewall'], USERS),
  e('tls_mismatch', 3, ['tipo de cifrado|metodo de cifrado|tipo de encriptacion|tipo de conexion cifrada', 'no se pudo establecer .. conexion tls|conexion segura', 'no admite|no soporta .. starttls|ssl|tls', 'puerto equivocado|puerto incorrecto'], `${TB}; ${VENDORS}`),
  e('certificate_problem', 4, ['certificado .. caducado|vencido|no valido|no es valido|invalido|no es de confianza|no confiable|expirado|no seguro', 'no se puede verificar la identidad del servidor|verificar la identidad', 'autofirmado|auto firmado', 'excepcion de seguridad'], `${TB}; Apple (es)`),
  e('certificate_problem', 2, ['certificado|certificados'], USERS),
  e('plaintext_auth_disabled', 2, ['texto plano|sin cifrar|no cifrada|sin cifrado|no segura|inseguro'], USERS),
  e('connection_limit', 4, ['demasiadas conexiones', 'numero maximo de conexiones|conexiones simultaneas', 'buzon .. bloqueado|ocupado|en uso'], `${TB}; ${USERS}`),
  e('quota_exceeded', 4, ['buzon .. lleno', 'cuota .. excedida|superada|llena', 'almacenamiento .. lleno|sin espacio|insuficiente', 'espacio insuficiente|sin espacio'], VENDORS),
  e('server_error', 3, ['error temporal|temporalmente no disponible|fallo temporal|problema temporal', 'intentelo|intente .. mas tarde', 'vuelva a intentarlo mas tarde', 'error interno|error del servidor', 'servidor no disponible|servicio no disponible'], `${VENDORS}; ${USERS}`),
  e('pop_removes_from_server', 4, ['dejar .. copia .. servidor', 'mantener .. copia .. servidor', 'conservar .. servidor', 'borra|elimina|borran|eliminan|borrados|eliminados .. del servidor'], `${TB}; Outlook (es)`),
  e('pop_removes_from_server', 2, ['desaparec* .. movil|celular|telefono|servidor|webmail', 'se borran|se eliminan|desaparecen'], USERS),
  e('folder_sync', 2.5, ['elementos enviados|correos enviados|mensajes enviados|carpeta enviados|bandeja de enviados', 'borradores', 'carpeta* .. no .. aparece*', 'carpeta* .. no se muestra*|no se sincroniza*|faltan', 'sincroniza|sincronizan|sincronizar|sincronizacion|sincronizado .. carpeta|carpetas', 'no sincroniza'], USERS),
  e('smtp_auth_required', 4, ['relay .. denegado|no permitido', 'retransmision denegada', 'servidor de salida .. requiere autenticacion', 'requiere autenticacion|autenticacion requerida|se requiere autenticacion'], `${VENDORS}; Postfix`),
  e('smtp_auth_required', 1.5, ['no puedo enviar|no se pueden enviar|no envia|no se envian|error al enviar'], USERS),
  e('recipient_rejected', 4, ['destinatario .. no existe|rechazado|desconocido|no encontrado|no valido', 'usuario desconocido', 'direccion .. no existe|no valida'], 'NDRs (es)'),
  e('timeout', 3, ['se ha desconectado|se desconecto|ha cortado la conexion|cerro la conexion', 'ha dejado de responder|dejo de responder'], TB),
  e('host_not_found', 3, ['servidor .. es desconocido|desconocido .. servidor', 'servidor de salida .. desconocido'], TB),
  e('tls_mismatch', 3, ['error de tls|error de ssl|error tls|error ssl', 'carece de esta funcionalidad .. starttls|no admite starttls'], TB),
  e('certificate_problem', 3, ['posible amenaza de seguridad|amenaza .. seguridad', 'error de certificado|error del certificado'], TB),
  e('auth_failed', 3, ['envio de la contrasena .. no se completo|fallo|no tuvo exito', 'error en la autenticacion'], TB),
  e('security_block', 3, ['demasiados intentos .. inicio de sesion|fallidos'], TB),
  e('folder_sync', 3, ['guardar .. mensaje enviado|copiar .. enviados|carpeta de enviados'], TB),
  e('auth_failed', 2.5, ['no admite el metodo de autenticacion', 'metodo de autenticacion .. no .. compatible|soportado|admitido', 'cambie el metodo de autenticacion'], TB, { client: 'thunderbird' }),
  e('certificate_problem', 3, ['conexion segura|de forma segura .. servidor', 'no se puede conectar de forma segura'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('plaintext_auth_disabled', 3, ['metodos de autenticacion .. no .. admite*|compatibles|soportados'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('timeout', 1.5, ['error al conectar con el servidor', 'no se puede conectar con el servidor'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)'),
];
