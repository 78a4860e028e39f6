// Visible labels the parsers key on, in the languages Seller Central is shown in.
// A label is matched case-insensitively after trimming a trailing colon.

export const FIELD_LABELS = {
  caseId: ['Case ID', 'ID', 'Case-ID', 'Fall-ID', 'Fallnummer', 'ID du cas', 'ID de cas', 'Numéro de cas',
    'ID caso', 'ID del caso', 'ID de caso', 'ID do caso', 'Zaak-ID', 'Identyfikator zgłoszenia',
    'ケースID', 'ケース ID', 'ケース番号'],
  status: ['Status', 'Statut', 'Stato', 'Estado', 'Estatus', 'ステータス', 'Durum'],
  created: ['Created', 'Creation date', 'Date created', 'Erstellt', 'Erstellt am', 'Erstellungsdatum',
    'Créé', 'Créé le', 'Date de création', 'Creato', 'Creato il', 'Data di creazione', 'Creado',
    'Fecha de creación', 'Criado', 'Aangemaakt', 'Utworzono', '作成日', '作成日時', '作成済み'],
  updated: ['Last updated', 'Updated', 'Last activity', 'Zuletzt aktualisiert', 'Letzte Aktualisierung',
    'Dernière mise à jour', 'Ultimo aggiornamento', 'Última actualización', '最終更新日', '最終更新'],
  subject: ['Short description', 'Subject', 'Kurzbeschreibung', 'Betreff', 'Brève description',
    'Description courte', 'Objet', 'Breve descrizione', 'Oggetto', 'Descripción breve', 'Asunto',
    '概要', '件名'],
  category: ['Category', 'Issue type', 'Kategorie', 'Problemtyp', 'Catégorie', 'Categoria', 'Categoría',
    'Tipo di problema', 'Tipo de problema', 'カテゴリー', 'カテゴリ', '問題の種類'],
  email: ['Primary email', 'Primäre E-Mail-Adresse', 'E-Mail', 'E-mail principal', 'Adresse e-mail principale',
    'E-mail principale', 'Correo electrónico principal', 'メインのEメール', 'Eメールアドレス'],
  view: ['View', 'Anzeigen', 'Ansehen', 'Afficher', 'Voir', 'Visualizza', 'Ver', '表示'],
};

// Senders that are Amazon; and the words a page uses for "you" (the seller).
const AMAZON_SENDER = /amazon|seller support|brand registry|verkäuferservice|verkaeuferservice|support vendeur|supporto venditori|soporte (?:al|para) vendedor|テクニカルサポート|出品者サポート/i;
const YOU = new Set(['you', 'sie', 'vous', 'tu', 'usted', 'tú', 'voi', 'あなた', 'u', 'ty', 'siz', 'me']);

function norm(text) {
  return String(text ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*[:：]$/, '')
    .toLowerCase();
}

const LOOKUP = new Map();
for (const [field, labels] of Object.entries(FIELD_LABELS)) {
  for (const label of labels) LOOKUP.set(norm(label), field);
}

/** The field a visible label names, or null. */
export function fieldForLabel(text) {
  if (!text || text.length > 60) return null;
  return LOOKUP.get(norm(text)) ?? null;
}

/** Every label of every field, longest first (for splitting "ID: 1 Status: Open" summaries). */
export function allLabels() {
  return [...LOOKUP.keys()].sort((a, b) => b.length - a.length);
}

export function isYou(text) {
  return YOU.has(norm(text).replace(/^(to|an|à|a|para|宛先)\s+/, ''));
}

/**
 * "amazon" or "seller" from the sender label, with the recipient as a tie-breaker.
 * @returns {{author: 'amazon'|'seller', sure: boolean}}
 */
export function authorOf(sender, recipient) {
  if (sender && AMAZON_SENDER.test(sender)) return { author: 'amazon', sure: true };
  if (sender && isYou(sender)) return { author: 'seller', sure: true };
  const to = stripRecipientPrefix(recipient);
  if (to && isYou(to)) return { author: 'amazon', sure: true };
  if (to && AMAZON_SENDER.test(to)) return { author: 'seller', sure: true };
  return { author: 'seller', sure: false };
}

export function stripRecipientPrefix(text) {
  return String(text ?? '').replace(/^\s*(to|an|à|a|para|宛先)\s*[:：]\s*/i, '').trim();
}
