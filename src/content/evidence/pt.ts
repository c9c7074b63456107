import { phrasesFor } from './build.js';

/** Portuguese (Brazil and Portugal): Thunderbird's pt-BR/pt-PT catalogs, vendor pages, users' words. */
const e = phrasesFor('pt');
const TB = 'Thunderbird pt-BR / pt-PT catalogs (thunderbird-l10n)';
const VENDORS = 'Microsoft, Apple, Google help pages (Portuguese)';
const USERS = 'Portuguese forum threads and tickets';

export const EVIDENCE_PT = [
  e('auth_failed', 3, ['falha (na|de) autenticacao', 'autenticacao .. falhou|falha', 'erro de autenticacao', 'nome de usuario|usuario|utilizador .. ou .. senha|palavra passe .. incorret*|invalid*|errad*', 'senha|palavra passe .. incorreta|invalida|errada|nao aceita', 'credenciais .. invalidas|incorretas', 'falha no login|falha ao entrar|nao consigo entrar'], `${TB}; ${VENDORS}`),
  e('auth_failed', 2, ['pede .. senha|palavra passe', 'pedindo .. senha', 'solicita .. senha'], USERS),
  e('app_password_required', 3.5, ['senha de app|senha de aplicativo|senhas de app|senha de aplicacao|senha especifica|palavra passe de aplicacao|palavras passe de aplicacao|senhas de aplicativo'], VENDORS),
  e('app_password_required', 1.5, ['verificacao em duas etapas|autenticacao de dois fatores|dois fatores|2 etapas|duas etapas'], USERS),
  e('oauth_required', 3, ['autenticacao moderna', 'autenticacao basica'], VENDORS),
  e('protocol_disabled', 3, ['imap|pop|pop3 .. desativado|desabilitado|nao esta ativado|nao esta habilitado', 'ativar|habilitar .. imap|pop|pop3'], VENDORS),
  e('security_block', 3, ['atividade suspeita|login suspeito|acesso suspeito|tentativa de login', 'conta .. bloqueada|suspensa', 'bloquead* .. acesso|login'], VENDORS),
  e('host_not_found', 2.5, ['falha ao conectar (ao|com o) servidor', 'falha ao ligar ao servidor'], TB, { client: 'thunderbird' }),
  e('host_not_found', 4, ['servidor .. nao .. encontrado', 'host desconhecido|servidor desconhecido', 'nao foi possivel encontrar o servidor|nao e possivel encontrar o servidor'], `${VENDORS}; ${TB}`),
  e('connection_refused', 4, ['conexao|ligacao .. recusada', 'recusou a conexao|recusou a ligacao'], TB, { client: 'thunderbird' }),
  e('timeout', 4, ['tempo limite .. esgotado|excedido|expirou|atingido', 'esgotou o tempo|tempo esgotado', 'tempo de espera .. esgotado|excedido', 'nao responde|nao esta respondendo|nao esta a responder'], `${TB}; ${VENDORS}`),
  e('timeout', 2.5, ['conexao|ligacao .. interrompida|perdida|redefinida', 'firewall|antivirus'], USERS),
  e('tls_mismatch', 3, ['tipo de criptografia|metodo de criptografia|tipo de encriptacao|tipo de cifra', 'nao foi possivel estabelecer .. conexao tls|ligacao tls', 'nao suporta|nao oferece suporte .. starttls|ssl|tls', 'porta errada|porta incorreta'], `${TB}; ${VENDORS}`),
  e('certificate_problem', 4, ['certificado .. expirado|invalido|nao e valido|nao confiavel|vencido|nao fidedigno', 'verificar a identidade do servidor', 'autoassinado|auto assinado', 'excecao de seguranca|excecao de seguranca'], `${TB}; Apple (pt)`),
  e('certificate_problem', 2, ['certificado|certificados'], USERS),
  e('plaintext_auth_disabled', 2, ['texto simples|texto puro|sem criptografia|nao criptografad*|nao segur*|sem encriptacao'], USERS),
  e('connection_limit', 4, ['muitas conexoes|demasiadas ligacoes|conexoes simultaneas', 'numero maximo de conexoes|numero maximo de ligacoes', 'caixa .. bloqueada|em uso|ocupada'], `${TB}; ${USERS}`),
  e('quota_exceeded', 4, ['caixa .. cheia', 'cota|quota .. excedida|atingida|cheia', 'armazenamento .. cheio|sem espaco|insuficiente', 'espaco insuficiente|sem espaco'], VENDORS),
  e('server_error', 3, ['erro temporario|temporariamente indisponivel|falha temporaria|problema temporario', 'tente novamente mais tarde|tente mais tarde', 'erro interno|erro do servidor', 'servidor indisponivel|servico indisponivel'], `${VENDORS}; ${USERS}`),
  e('pop_removes_from_server', 4, ['deixar .. copia .. servidor', 'manter .. copia .. servidor', 'manter .. mensagens no servidor', 'apagad*|excluid*|removid*|eliminad* .. do servidor'], `${TB}; Outlook (pt)`),
  e('pop_removes_from_server', 2, ['somem|sumiram|somiram|desaparecem|desapareceram|desapareceu|desaparecendo|desaparecer'], USERS),
  e('folder_sync', 2.5, ['itens enviados|mensagens enviadas|pasta enviados|emails enviados|enviadas', 'rascunhos', 'pastas .. nao aparecem|nao sincroniz*|faltando|sumiram', 'sincroniza|sincronizam|sincronizar|sincronizacao|sincronizado .. pasta|pastas', 'nao sincroniza'], USERS),
  e('smtp_auth_required', 4, ['relay .. negado|nao permitido', 'retransmissao negada', 'servidor de saida .. requer autenticacao|exige autenticacao', 'requer autenticacao|exige autenticacao|autenticacao necessaria|autenticacao obrigatoria'], `${VENDORS}; Postfix`),
  e('smtp_auth_required', 1.5, ['nao consigo enviar|nao envia|nao sao enviados|erro ao enviar|falha ao enviar'], USERS),
  e('recipient_rejected', 4, ['destinatario .. desconhecido|nao existe|rejeitado|nao encontrado|invalido', 'usuario desconhecido|utilizador desconhecido', 'endereco .. nao existe|invalido'], 'NDRs (pt)'),
  e('timeout', 3, ['terminou a ligacao|encerrou a conexao|desconectou|se desconectou|terminou a conexao|fechou a conexao', 'deixou de responder|parou de responder'], TB),
  e('host_not_found', 3, ['servidor .. e desconhecido|desconhecido .. servidor', 'falha ao conectar (ao|com o|com) servidor'], TB),
  e('tls_mismatch', 3, ['erro de tls|erro de ssl|erro tls|erro ssl', 'nao tem esta funcionalidade .. starttls|nao suporta starttls'], TB),
  e('certificate_problem', 3, ['potencial ameaca .. seguranca|ameaca de seguranca', 'erro de certificado|erro no certificado'], TB),
  e('auth_failed', 3, ['envio da senha|envio da palavra passe .. nao .. sucesso|falhou', 'falha na autenticacao|falha de autenticacao'], TB),
  e('security_block', 3, ['muitas tentativas .. login|acesso|invalidas'], TB),
  e('folder_sync', 3, ['guardar .. mensagem enviada|salvar .. mensagem enviada|copiar .. enviados|pasta de enviados'], TB),
  e('auth_failed', 2.5, ['nao suporta o metodo de autenticacao', 'metodo de autenticacao .. nao .. suportado', 'altere o metodo de autenticacao|mude o metodo de autenticacao'], TB, { client: 'thunderbird' }),
  e('timeout', 3, ['ligacao|conexao .. expirou', 'tempo .. expirou'], TB),
  e('certificate_problem', 3, ['ligar ao servidor em seguranca|conectar ao servidor com seguranca|conexao segura'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('plaintext_auth_disabled', 3, ['metodos de autenticacao .. nao .. suportados|compativeis'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)', { client: 'android' }),
  e('timeout', 1.5, ['nao foi possivel ligar ao servidor|nao e possivel conectar ao servidor|erro ao conectar ao servidor'], 'Android Email app strings (aosp-mirror/platform_packages_apps_email, values-*/strings.xml)'),
];
