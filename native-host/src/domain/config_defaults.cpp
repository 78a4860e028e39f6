// The built-in configuration. Every key is documented in docs/CONFIG.md; a seller's config file
// overlays these key by key (JSON merge patch: objects merge, arrays and values replace).
// Phrases and keywords are matched on folded text (lowercase, accents stripped: "gelöst" → "gelost");
// a keyword ending in '*' matches any word starting with it.
#include "domain/config.hpp"

namespace caselog {

const char* defaultConfigJson() {
  return R"json({
  "timing": {
    "expectedReplyBusinessDays": 5,
    "utcOffsetMinutes": 0,
    "reopenWindowDays": 30
  },
  "priority": {
    "coefficients": {
      "category": 10, "money": 6, "needs_seller": 8, "waiting": 6, "generic_reply": 4,
      "reopen": 3, "deadline": 10, "pinned": 15, "resolved": -10
    },
    "bands": { "P1": 20, "P2": 12, "P3": 6 },
    "moneyFullAt": 5000,
    "waitingCapBusinessDays": 10,
    "reopenCap": 3,
    "deadlineHorizonDays": 30,
    "deadlineGraceDays": 7
  },
  "reminders": {
    "deadlineWarnDays": 3,
    "needsSellerAfterHours": 0,
    "genericReopenAfterHours": 0
  },
  "deadlines": {
    "days": ["within {n} days", "within {n} calendar days", "in the next {n} days", "no later than {n} days",
             "innerhalb von {n} tagen", "innerhalb {n} tagen", "binnen {n} tagen",
             "dans les {n} jours", "dans les {n} prochains jours", "sous {n} jours", "dans un delai de {n} jours",
             "entro {n} giorni", "nei prossimi {n} giorni",
             "en un plazo de {n} dias", "dentro de {n} dias", "en los proximos {n} dias",
             "{n}日以内"],
    "businessDays": ["within {n} business days", "within {n} working days", "innerhalb von {n} werktagen",
                     "dans les {n} jours ouvres", "entro {n} giorni lavorativi", "en un plazo de {n} dias habiles",
                     "{n}営業日以内"],
    "months": ["within {n} months", "innerhalb von {n} monaten", "dans les {n} mois", "entro {n} mesi",
               "en un plazo de {n} meses", "{n}か月以内", "{n}ヶ月以内"],
    "ignoreIfSentenceHas": ["we will", "we'll", "our team will", "you will receive", "you should receive",
                            "wir werden", "sie erhalten", "nous allons", "nous vous repondrons", "vous recevrez",
                            "ti risponderemo", "le risponderemo", "ricevera", "le responderemos", "recibira",
                            "ご連絡いたします", "ご返信いたします"]
  },
  "categories": {
    "listing_suppressed": {
      "label": "Listing suppressed / ASIN removed", "explain": "suppressed or removed listing", "impact": 1.0,
      "team": "Seller Support (Catalog / Listing Quality)", "redirect": false,
      "keywords": ["suppress*", "listing removed", "asin removed", "removed listing", "inactive listing",
                   "listing deactivated", "listing is inactive", "search suppressed", "unterdruckt*",
                   "angebot entfernt", "angebot inaktiv", "supprime de la recherche", "annonce supprimee",
                   "offre supprimee", "offre inactive", "soppress*", "inserzione rimossa", "offerta inattiva",
                   "suprimid*", "anuncio eliminado", "oferta inactiva", "出品停止", "検索対象外", "出品が非表示"],
      "hint": "Listings keep getting suppressed: fix their content and images at the source (main image, title, required attributes)."
    },
    "catalog_error": {
      "label": "Catalog / detail page error", "explain": "catalog or detail page error", "impact": 0.6,
      "team": "Seller Support (Catalog)", "redirect": false,
      "keywords": ["detail page", "product detail", "catalog*", "wrong title", "incorrect title", "wrong image",
                   "incorrect image", "product title", "bullet points", "browse node", "variation*", "merge",
                   "detailseite", "katalog*", "produkttitel", "page produit", "page detail", "catalogue",
                   "titre du produit", "pagina dettaglio", "pagina prodotto", "pagina de detalles",
                   "titulo del producto", "商品詳細ページ", "カタログ", "商品名"],
      "hint": "Catalog errors keep coming back: check the feed or flat file you upload and who else contributes to the detail page."
    },
    "fba_inventory": {
      "label": "FBA inventory lost / damaged / receiving discrepancy", "explain": "lost or damaged FBA inventory",
      "impact": 0.8, "team": "FBA Seller Support (Inventory & Reimbursements)", "redirect": false,
      "impliedDeadlineDays": 548, "impliedDeadlineWhat": "reimbursement claim window (18 months)",
      "keywords": ["lost inventory", "lost units", "damaged inventory", "damaged units", "receiving discrepancy",
                   "received fewer", "missing units", "units missing", "inventory reconciliation", "lost in the fulfillment center",
                   "fulfillment center", "warehouse damage*", "verloren*", "beschadigt*", "bestandsabweichung",
                   "lagerbestand", "fehlende einheiten", "stock perdu", "unites perdues", "endommage*",
                   "unites manquantes", "ecart de reception", "smarrit*", "danneggiat*", "unita mancanti",
                   "giacenz*", "inventario perdido", "unidades perdidas", "danad*", "unidades faltantes",
                   "在庫紛失", "紛失", "破損", "受領差異", "在庫"],
      "hint": "FBA receiving discrepancies or lost units keep recurring: check labelling, packaging and box contents before shipping."
    },
    "fba_shipment": {
      "label": "FBA shipment", "explain": "FBA shipment problem", "impact": 0.6,
      "team": "FBA Seller Support (Inbound Shipments)", "redirect": false,
      "keywords": ["inbound shipment", "fba shipment", "shipment", "shipping plan", "carrier", "pallet*",
                   "delivery appointment", "sendung", "lieferung", "versandplan", "expedition", "envoi",
                   "plan d'expedition", "spedizion*", "envio", "plan de envio", "納品", "出荷", "納品プラン"],
      "hint": "Inbound shipments keep running into problems: check shipping plans, box labels and carrier appointments."
    },
    "account_health": {
      "label": "Account health / performance notification", "explain": "account health at risk", "impact": 1.0,
      "team": "Seller Performance / Account Health", "redirect": true, "expectedReplyBusinessDays": 2,
      "impliedDeadlineDays": 17, "impliedDeadlineWhat": "plan of action",
      "keywords": ["account health", "performance notification", "account deactivat*", "deactivated",
                   "suspension", "suspended", "plan of action", "order defect rate", "late shipment rate",
                   "kontozustand", "leistungsbenachrichtigung", "kontosperrung", "gesperrt", "massnahmenplan",
                   "aktionsplan", "sante du compte", "notification de performance", "plan d'action", "suspendu*",
                   "desactiv*", "salute dell'account", "notifica di performance", "piano d'azione", "sospes*",
                   "disattivat*", "estado de la cuenta", "salud de la cuenta", "plan de accion", "suspendid*",
                   "desactivad*", "アカウント健全性", "アカウント停止", "改善計画書", "パフォーマンス通知"],
      "hint": "Account-health notices keep coming: fix the root cause in your operations and keep a standing plan of action."
    },
    "policy": {
      "label": "Policy / compliance clarification", "explain": "policy or compliance question", "impact": 0.4,
      "team": "Seller Support (Policy / Product Compliance)", "redirect": false,
      "keywords": ["policy", "policies", "compliance", "restricted product*", "hazmat", "dangerous goods",
                   "safety", "certificat*", "ungat*", "approval", "richtlinie*", "gefahrgut", "konformitat",
                   "politique", "conformite", "reglement*", "matieres dangereuses", "normativ*", "conformita",
                   "merci pericolose", "politica", "cumplimiento", "mercancias peligrosas", "ポリシー", "規約",
                   "危険物", "コンプライアンス"],
      "hint": "The same policy question keeps coming up: keep Amazon's written answers on file and check your compliance documents."
    },
    "feedback_dispute": {
      "label": "Feedback / review / A-to-z dispute", "explain": "feedback or A-to-z dispute", "impact": 0.5,
      "team": "Seller Support (Feedback & A-to-z Claims)", "redirect": false,
      "keywords": ["feedback", "review", "a-to-z", "a-z claim", "guarantee claim", "chargeback", "bewertung*",
                   "a-bis-z", "garantieantrag", "evaluation", "commentaire*", "avis client", "garantie a a z",
                   "valutazion*", "recension*", "reclamo a-z", "garanzia dalla a alla z", "valoracion*",
                   "opinion", "resena", "garantia de la a a la z", "評価", "レビュー", "マーケットプレイス保証"],
      "hint": "Feedback and A-to-z disputes keep recurring: check listing accuracy, packaging and delivery promises."
    },
    "brand_registry": {
      "label": "Brand Registry / trademark", "explain": "brand or trademark problem", "impact": 0.8,
      "team": "Brand Registry Support", "redirect": true,
      "keywords": ["brand registry", "trademark", "brand", "counterfeit", "infringement", "hijack*",
                   "markenregistrierung", "marke", "markenrecht*", "falschung*", "registre des marques", "marque",
                   "contrefacon", "registro del marchio", "marchio", "contraffa*", "registro de marcas", "marca",
                   "falsificacion", "ブランド登録", "商標", "偽造品"],
      "hint": "Brand and trademark problems keep recurring: use Brand Registry protections (Transparency, Project Zero) for this product."
    },
    "payments": {
      "label": "Payments / disbursement / reimbursement", "explain": "money owed to you", "impact": 0.7,
      "team": "Seller Support (Payments & Disbursements)", "redirect": false,
      "keywords": ["disbursement", "payment", "payout", "reimburse*", "refund", "reserve", "invoice",
                   "auszahlung", "zahlung", "erstattung", "ruckerstattung", "versement", "paiement",
                   "remboursement", "pagamento", "bonifico", "rimborso", "desembolso", "pago", "reembolso",
                   "支払い", "入金", "返金", "払い戻し"],
      "hint": "Payment problems keep recurring: check bank details, reserves and invoices in Seller Central."
    },
    "advertising": {
      "label": "Advertising", "explain": "advertising", "impact": 0.3,
      "team": "Amazon Ads Support", "redirect": true,
      "keywords": ["advertising", "sponsored product*", "sponsored brand*", "campaign", "ppc", "werbung",
                   "kampagne", "publicite", "campagne", "pubblicita", "campagna", "publicidad", "campana",
                   "広告", "スポンサープロダクト"],
      "hint": "Advertising issues keep recurring: review campaign settings and ad policy compliance."
    },
    "other": {
      "label": "Other", "explain": "general question", "impact": 0.1,
      "team": "Seller Support", "redirect": false, "keywords": [],
      "hint": "The same question keeps coming back: write down Amazon's answer and the fix as a standing procedure."
    }
  },
  "generic": {
    "threshold": 0.5,
    "shortWords": 60,
    "weights": {
      "bias": -0.6, "phrase": 0.9, "phraseCap": 4, "helpLink": 0.8, "short": 0.6, "duplicate": 0.9,
      "duplicateCap": 3, "duplicateFilledIn": 0.2, "caseIdentifier": -0.9, "caseIdentifierCap": 2, "action": -1.3, "actionCap": 3,
      "details": -0.35, "detailsCap": 4, "cause": -0.8, "evidence": -0.8, "noSubstance": 1.0, "subjectTerms": -0.1
    },
    "evidencePhrases": ["invoice", "photo", "picture", "image file", "screenshot", "proof of delivery", "tracking number",
                        "bank statement", "safety data sheet", "certificate", "letter of authorization", "vat registration",
                        "rechnung", "foto", "kontoauszug", "liefernachweis", "sendungsnummer", "zertifikat",
                        "facture", "preuve de livraison", "releve bancaire", "certificat", "numero de suivi",
                        "fattura", "prova di consegna", "estratto conto", "certificato", "factura", "prueba de entrega",
                        "extracto bancario", "certificado", "numero de seguimiento", "請求書", "写真", "配達証明",
                        "追跡番号", "証明書"],
    "causePhrases": ["because", "due to", "as a result of", "caused by", "weil", "aufgrund", "da die", "da der",
                     "parce que", "car l", "car le", "car la", "car les", "en raison", "a cause", "perche",
                     "poiche", "a causa", "dovuto a", "porque", "debido a", "a causa de", "ため", "ので"],
    "helpLinkMarkers": ["/help/hub", "/gp/help", "/help/", "help page", "hilfeseite", "page d'aide",
                        "pagina di aiuto", "pagina de ayuda", "ヘルプページ",
                        "seller central help"],
    "phrases": [
      "greetings from amazon seller support", "thank you for contacting amazon seller support",
      "thank you for contacting us", "thank you for reaching out", "i understand that your concern is regarding",
      "i understand that you", "i understand your concern", "we apologize for the inconvenience",
      "sorry for the inconvenience", "apologize for any inconvenience", "forwarded to the appropriate team",
      "forwarded your case", "the appropriate team", "the relevant team", "for more information, see",
      "please refer to", "please review the following", "additional information", "provide more information",
      "you have contacted the incorrect team", "contacted the wrong team", "we are unable to provide",
      "we are not able to provide", "unable to share", "internal team", "we value your business",
      "thank you for selling on amazon", "we appreciate your patience", "your patience and understanding",
      "please do not hesitate", "we hope this information", "hope this helps", "thank you for your understanding",
      "we appreciate your understanding", "not handled by our team", "handled by a separate team",
      "vielen dank fur ihre kontaktaufnahme", "vielen dank, dass sie sich an", "ich verstehe, dass ihr anliegen",
      "ich verstehe, dass sie", "wir entschuldigen uns fur die unannehmlichkeiten", "entschuldigen sie die unannehmlichkeiten",
      "an das zustandige team weitergeleitet", "das zustandige team", "weitere informationen finden sie",
      "zusatzliche informationen", "an das falsche team", "nicht das richtige team", "wir konnen keine",
      "vielen dank fur ihre geduld", "vielen dank fur ihr verstandnis", "vielen dank, dass sie bei amazon verkaufen", "grusse vom amazon seller support",
      "merci d'avoir contacte", "merci de nous avoir contactes", "je comprends que votre demande concerne",
      "je comprends que vous", "nous nous excusons pour la gene", "desole pour la gene", "transmis a l'equipe",
      "l'equipe appropriee", "l'equipe concernee", "pour plus d'informations", "veuillez consulter",
      "informations supplementaires", "la mauvaise equipe", "nous ne sommes pas en mesure",
      "merci de votre patience", "merci de votre comprehension", "n'est pas traitee par notre equipe", "merci de vendre sur amazon", "salutations du support vendeur",
      "grazie per aver contattato", "capisco che la sua richiesta", "capisco che lei", "ci scusiamo per l'inconveniente",
      "ci scusiamo per il disagio", "inoltrato al team", "team competente", "per ulteriori informazioni",
      "consulti la pagina", "informazioni aggiuntive", "il team sbagliato", "non siamo in grado",
      "grazie per la pazienza", "grazie per la comprensione", "grazie per vendere su amazon", "saluti dal supporto venditori",
      "gracias por contactar", "gracias por ponerse en contacto", "entiendo que su consulta", "entiendo que usted",
      "disculpe las molestias", "lamentamos las molestias", "sentimos las molestias", "al equipo correspondiente",
      "al equipo adecuado", "para obtener mas informacion", "consulte la pagina", "informacion adicional",
      "el equipo equivocado", "no podemos proporcionar", "agradecemos su paciencia", "gracias por su comprension", "gracias por vender en amazon",
      "saludos del servicio de asistencia al vendedor",
      "amazonセラーサポートです", "お問い合わせいただきありがとうございます", "お問い合わせありがとうございます",
      "ご不便をおかけして申し訳ございません", "ご迷惑をおかけして申し訳ございません", "担当部署に転送",
      "担当チームに転送", "詳細については", "追加情報", "担当部署ではございません", "お答えすることができません",
      "ご理解のほどよろしくお願いいたします", "ご理解いただけますと幸いです", "引き続きamazonをご利用"
    ],
    "actionPhrases": [
      "we have reimbursed", "you have been reimbursed", "reimbursed you", "reimbursement of", "has been reinstated",
      "have reinstated", "we reinstated", "is now active", "is now live", "is now searchable", "we have updated",
      "has been updated", "have been updated", "we have corrected", "has been corrected", "we found", "our investigation",
      "we located", "were received", "we have removed", "has been removed", "we have approved", "has been approved",
      "was approved", "credited", "we have issued", "we confirmed", "we have confirmed", "we have merged",
      "we have processed", "was processed", "found that", "we have refunded", "we have reconciled", "we have lifted",
      "was closed because", "we counted", "i have updated", "i have corrected", "i have removed", "i have reimbursed",
      "i have added", "i added", "i have reinstated", "i have merged", "has been processed", "were released",
      "erstattet", "wieder aktiviert", "wurde aktualisiert", "wurde korrigiert", "festgestellt",
      "wurden gefunden", "wurde entfernt", "wurde genehmigt", "gutgeschrieben", "eingegangen", "aufgehoben",
      "nous avons rembourse", "a ete rembourse", "rembourse", "a ete reactive", "a ete mis a jour",
      "nous avons mis a jour", "a ete corrige", "nous avons constate", "nous avons retrouve", "ont ete recues",
      "a ete supprime", "a ete approuve", "credite", "nous avons leve",
      "abbiamo rimborsato", "e stato rimborsato", "riattivat*", "e stato aggiornato", "abbiamo aggiornato",
      "e stato corretto", "abbiamo riscontrato", "abbiamo trovato", "sono state ricevute", "e stato rimosso",
      "e stata approvata", "accreditat*", "abbiamo verificato",
      "hemos reembolsado", "ha sido reembolsad*", "se ha reembolsado", "reactivad*", "ha sido actualizad*",
      "hemos actualizado", "hemos corregido", "hemos encontrado", "hemos comprobado", "fueron recibidas",
      "ha sido eliminad*", "ha sido aprobad*", "acreditad*", "hemos levantado",
      "払い戻しました", "補填しました", "補填いたしました", "再開しました", "再有効化", "更新しました",
      "修正しました", "確認したところ", "見つかりました", "受領されました", "削除しました", "承認されました",
      "返金しました", "解除しました", "実行しました", "反映しました"
    ]
  },
  "nextStep": {
    "escalateAfterGenericReplies": 2,
    "escalateAfterSilenceFactor": 2,
    "escalationTeam": "a senior investigator or supervisor",
    "wrongTeamPhrases": ["incorrect team", "wrong team", "not handled by our team", "handled by a separate team",
                         "falsche team", "nicht beim richtigen team", "mauvaise equipe",
                         "n'est pas traitee par notre equipe", "team sbagliato", "equipo equivocado",
                         "担当部署ではございません"],
    "templates": {
      "reopen": "Hello, I am reopening case {caseId} ({subject}). The last reply did not address {references}. Please have a specialist review it and tell me what was found and what action was taken. Thank you.",
      "escalate": "Hello, case {caseId} ({subject}) has received replies that do not address {references}. Please escalate it to a senior investigator or supervisor ({team}) and confirm what will be done. Thank you.",
      "redirect": "Hello {team}, Seller Support case {caseId} ({subject}) concerns {references}. Seller Support could not resolve it and this is handled by your team. Please review it and tell me what action is needed. Thank you.",
      "reply": "Hello, here is the information requested in case {caseId} about {references}: [add the requested details or documents here]. Thank you.",
      "chase": "Hello, I am following up on case {caseId} ({subject}). It has had no reply for {days} business days. Please give me an update on {references}. Thank you."
    }
  },
  "host": {
    "reminderIntervalSeconds": 60
  },
  "trends": {
    "weeks": 26,
    "recurringWindowDays": 90,
    "recurringMinCases": 3
  }
})json";
}

}  // namespace caselog
