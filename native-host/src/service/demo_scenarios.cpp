// The words of the demo cases: one script per kind of case, written after what Seller Support
// threads look like (shared/seller-central.md), and the template replies Amazon sends to many.
#include <stdexcept>
#include <string_view>

#include "service/demo_data.hpp"

namespace caselog::demo {

const std::vector<Script>& scripts() {
  static const std::vector<Script> all = {
      {"suppressed", "en", "sellercentral.amazon.com", "Listing",
       "Listing suppressed for {asin} - main image does not meet requirements",
       "Hello,\n\nour listing {asin} was suppressed this morning with the reason \"main image does not meet "
       "image requirements\". The main image is a product-only photo on a pure white background (RGB "
       "255,255,255) "
       "at 2000 x 2000 px, the same image that has been live for two years. The ASIN sells about 40 units a "
       "day, "
       "so every day it is suppressed costs us roughly {amount} in sales.\n\nPlease review the image and "
       "reinstate "
       "the listing.\n\nThank you,\nAcme Goods",
       "Hello,\n\nI reviewed the main image of ASIN {asin}. Our automated image check flagged a thin grey "
       "border on the right edge (2 px), which made the background read as non-white. I have cleared the "
       "flag "
       "manually and the listing has been reinstated; it is searchable again as of today. To keep it from "
       "recurring, please upload a version of the image without the border.\n\nBest regards,\nKaren\nAmazon "
       "Seller "
       "Support",
       "Hello,\n\nto review the suppression of {asin} we need the original image file of the main image and "
       "a "
       "photo of the product packaging that shows the brand name. Please attach both to this case.\n\nAmazon "
       "Seller Support",
       "Hello,\n\nattached are the original main image (2000 x 2000 px, white background) and a photo of the "
       "packaging for {asin}. Please reinstate the listing.\n\nAcme Goods"},
      {"catalog", "en", "sellercentral.amazon.com", "Catalog",
       "Wrong title and brand shown on detail page of {asin}",
       "Hi,\n\nthe detail page of {asin} shows the title \"Generic Garlic Press Set\" and brand \"Generic\" "
       "although our flat file (uploaded 3 days ago, batch 4471020) sets the title to \"Acme Stainless "
       "Garlic "
       "Press with Cleaning Brush\" and brand \"Acme\". We are the brand owner. Please correct the detail "
       "page "
       "to the contribution from our feed.\n\nAcme Goods",
       "Hello,\n\nthank you for the batch ID. The title and brand on {asin} came from another contributor "
       "with "
       "higher ranking for those attributes. I have escalated the attribute conflict to the catalog team, "
       "who "
       "applied your values: the detail page of {asin} now shows \"Acme Stainless Garlic Press with Cleaning "
       "Brush\" by Acme. Changes may take up to 24 hours to show in every "
       "marketplace.\n\nRegards,\nDev\nAmazon "
       "Seller Support",
       "Hello,\n\nto change the brand on {asin} please send us a photo of the product and its packaging with "
       "the "
       "brand name permanently affixed, and the URL of your brand's website.\n\nAmazon Seller Support",
       "Hello,\n\nphotos of the product and the packaging for {asin} are attached; our website is "
       "https://acme-goods.example. Please update the detail page.\n\nAcme Goods"},
      {"catalog_de", "de", "sellercentral.amazon.de", "",
       "Katalogfehler: falsches Produktbild auf der Detailseite von {asin}",
       "Guten Tag,\n\nauf der Detailseite von {asin} wird seit gestern ein Bild eines anderen Produkts (eine "
       "rote Thermoskanne) als Hauptbild angezeigt. Unser Artikel ist eine Knoblauchpresse aus Edelstahl. "
       "Bitte "
       "stellen Sie das Bild aus unserem Upload wieder her.\n\nMit freundlichen Grüßen\nAcme Waren GmbH",
       "Guten Tag,\n\ndas falsche Hauptbild auf der Detailseite von {asin} stammte aus einem fehlerhaften "
       "Beitrag eines anderen Verkäufers. Ich habe das Bild entfernt und Ihr Bild vom Upload "
       "wiederhergestellt. "
       "Die Änderung ist bereits sichtbar.\n\nFreundliche Grüße\nAmazon Verkäuferservice",
       "Guten Tag,\n\num das Bild auf {asin} zu ändern, benötigen wir ein Foto des Produkts mit sichtbarem "
       "Markennamen. Bitte fügen Sie es diesem Fall hinzu.\n\nAmazon Verkäuferservice",
       "Guten Tag,\n\nanbei das Foto des Produkts {asin} mit dem Markennamen. Bitte korrigieren Sie das "
       "Hauptbild.\n\nAcme Waren GmbH"},
      {"receiving", "en", "sellercentral.amazon.com", "",
       "Receiving discrepancy on {shipment}: {units} units of SKU {sku} missing",
       "Hello,\n\nshipment {shipment} was closed with {units} fewer units than we shipped of SKU: {sku} "
       "(ASIN {asin}). Our packing list and the carrier's proof of delivery show 6 cartons of 24 units each, "
       "all "
       "delivered. Please investigate the receiving discrepancy and either locate the units or reimburse us "
       "{amount}.\n\nAcme Goods",
       "Hello,\n\nI completed the investigation of shipment {shipment}. The fulfillment center found {units} "
       "units of SKU {sku} that had been received under a different box label; they have been added to your "
       "inventory. For the 3 units that could not be located we issued a reimbursement of {amount}, which "
       "will "
       "appear in your next settlement.\n\nRegards,\nPriya\nAmazon Seller Support",
       "Hello,\n\nto investigate the receiving discrepancy on {shipment} we need proof of inventory "
       "ownership: "
       "an invoice or manifest showing {units} units of {sku}, and the carrier's proof of delivery with the "
       "number of cartons.\n\nAmazon Seller Support",
       "Hello,\n\nattached are the supplier invoice (INV-22817) for {sku} and the carrier's proof of "
       "delivery "
       "for {shipment} showing 6 cartons. Please complete the investigation.\n\nAcme Goods"},
      {"lost", "en", "sellercentral.amazon.com", "",
       "Lost inventory in fulfillment center - {units} units of {asin} not reimbursed",
       "Hello,\n\nour inventory adjustments report shows {units} units of {asin} (SKU: {sku}) marked as lost "
       "in "
       "the fulfillment center more than 30 days ago, with no reimbursement or found adjustment since. The "
       "value of those units is {amount}. Please reimburse or locate them.\n\nAcme Goods",
       "Hello,\n\nI reviewed the adjustments for {asin}. {units} units were confirmed lost in the "
       "fulfillment "
       "center and were not found within 30 days. A reimbursement of {amount} has been issued today "
       "(reimbursement "
       "ID 2718281828); you can see it in the Reimbursements report.\n\nRegards,\nTomás\nAmazon Seller "
       "Support",
       "Hello,\n\nplease send the reimbursement report row and the transaction item ID for the units of "
       "{asin} "
       "you believe were not reimbursed, so we can check them.\n\nAmazon Seller Support",
       "Hello,\n\nthe transaction item IDs are 9912004411 and 9912004412 ({units} units of {asin}, {sku}); "
       "no "
       "reimbursement row exists for them. Please reimburse {amount}.\n\nAcme Goods"},
      {"shipment_fr", "fr", "sellercentral.amazon.fr", "",
       "Expédition {shipment} bloquée au statut « Enregistrée » depuis 10 jours",
       "Bonjour,\n\nnotre envoi {shipment} a été livré au centre de distribution il y a 10 jours (preuve de "
       "livraison jointe), mais il reste au statut « Enregistrée » et aucune unité n'a été réceptionnée. Le "
       "produit {asin} est en rupture de stock. Pouvez-vous faire accélérer la réception "
       "?\n\nCordialement,\nAcme "
       "Goods",
       "Bonjour,\n\nj'ai vérifié l'envoi {shipment} : les 4 cartons ont bien été reçus au centre de "
       "distribution "
       "le 12 et la réception était en attente à cause d'une étiquette illisible. La réception a été lancée "
       "et "
       "les unités de {asin} seront disponibles à la vente d'ici 48 heures.\n\nCordialement,\nSupport "
       "Vendeur "
       "Amazon",
       "Bonjour,\n\nmerci de nous transmettre la preuve de livraison du transporteur pour l'envoi {shipment} "
       "avec le nombre de cartons livrés.\n\nSupport Vendeur Amazon",
       "Bonjour,\n\nla preuve de livraison pour {shipment} est jointe : 4 cartons livrés. Merci de lancer la "
       "réception.\n\nAcme Goods"},
      {"account_health", "en", "sellercentral.amazon.com", "Account Health",
       "Performance notification: Plan of action required for order defect rate",
       "Hello,\n\nwe received a performance notification that our order defect rate is above the 1% target "
       "because of three A-to-z claims (order {order} among them). We want to submit our plan of action and "
       "ask which documents you need. Our account has been in good standing for six years.\n\nAcme Goods",
       "Hello,\n\nthank you for your plan of action. The Seller Performance team reviewed it: the root cause "
       "(a carrier change that delayed orders such as {order}) and the steps you took are sufficient. The "
       "warning has been removed from your Account Health page and no further action is needed.\n\nSeller "
       "Performance",
       "Hello,\n\nyour order defect rate is above the target. To keep your selling privileges, submit a plan "
       "of "
       "action within 17 days explaining the root cause of the A-to-z claims (such as order {order}), the "
       "actions you have taken and the steps that prevent it in future.\n\nSeller Performance",
       "Hello,\n\nour plan of action is attached: root cause (carrier change in October), the actions taken "
       "(switched back, refunded order {order}) and preventive steps (daily late-shipment review).\n\nAcme "
       "Goods"},
      {"policy_es", "es", "sellercentral.amazon.es", "",
       "Consulta sobre la normativa: ¿necesita certificado CE el producto {asin}?",
       "Hola:\n\nqueremos vender en España el producto {asin} (una lámpara LED de escritorio con cable USB). "
       "¿Qué certificados de conformidad exige Amazon antes de publicarlo? Tenemos la declaración CE y el "
       "informe de ensayo EN 60598.\n\nUn saludo,\nAcme Goods",
       "Hola:\n\npara la lámpara {asin} bastan la declaración de conformidad CE y el informe de ensayo EN "
       "60598 que menciona. He revisado el anuncio y no hay ninguna restricción activa: puede publicarlo ya. "
       "Conserve los documentos por si se los solicitamos más adelante.\n\nUn saludo,\nSoporte para "
       "vendedores "
       "de Amazon",
       "Hola:\n\npara revisar la normativa aplicable a {asin} necesitamos la ficha técnica del producto y la "
       "declaración de conformidad CE.\n\nSoporte para vendedores de Amazon",
       "Hola:\n\nadjuntamos la ficha técnica y la declaración CE de {asin}.\n\nAcme Goods"},
      {"policy_it", "it", "sellercentral.amazon.it", "",
       "Chiarimento normativo: etichettatura in italiano per {asin}",
       "Buongiorno,\n\nvorremmo sapere se per vendere {asin} (set di coltelli da cucina) su Amazon.it sia "
       "obbligatoria un'etichetta in italiano sulla confezione o se basti il manuale in "
       "italiano.\n\nCordiali "
       "saluti,\nAcme Goods",
       "Buongiorno,\n\nper {asin} è sufficiente che le avvertenze di sicurezza siano in italiano nel manuale "
       "e "
       "sulla confezione; non serve una nuova etichetta se la confezione riporta già le avvertenze in "
       "italiano. "
       "Ho verificato l'inserzione e risulta conforme.\n\nCordiali saluti,\nSupporto Venditori Amazon",
       "Buongiorno,\n\nper verificare la conformità di {asin} ci servono le foto della confezione con le "
       "avvertenze.\n\nSupporto Venditori Amazon",
       "Buongiorno,\n\nin allegato le foto della confezione di {asin} con le avvertenze in italiano.\n\nAcme "
       "Goods"},
      {"feedback", "en", "sellercentral.amazon.com", "Feedback",
       "Request to remove seller feedback on order {order} - product review, not seller performance",
       "Hello,\n\nthe 1-star feedback on order {order} reads \"the garlic press is too small for my hands\". "
       "This is a product review, not feedback about our service: the order shipped on time and arrived as "
       "described. Per the feedback policy, please remove it.\n\nAcme Goods",
       "Hello,\n\nI reviewed the feedback on order {order}. It comments only on the product, which the "
       "feedback "
       "policy excludes, so it has been removed; your feedback rating will update within 48 "
       "hours.\n\nRegards,\n"
       "Amazon Seller Support",
       "Hello,\n\nplease confirm the order ID and the exact feedback text you want reviewed.\n\nAmazon "
       "Seller "
       "Support",
       "Hello,\n\nthe order is {order} and the text is \"the garlic press is too small for my "
       "hands\".\n\nAcme "
       "Goods"},
      {"brand", "en", "brandregistry.amazon.com", "Brand Registry",
       "Trademark infringement by another seller on {asin} - Brand Registry",
       "Hello,\n\nanother seller is offering counterfeit units on our brand's listing {asin} using our "
       "registered trademark ACME (USPTO reg. no. 6123456). We made a test buy (order {order}); the item has "
       "no "
       "logo and different packaging. Please remove the infringing offers.\n\nAcme Goods",
       "Hello,\n\nafter reviewing your test buy (order {order}) and trademark 6123456, we removed the "
       "infringing "
       "offers from {asin} and warned the seller. If they list again, report it through the Report a "
       "Violation tool so it is handled under your brand.\n\nBrand Registry Support",
       "Hello,\n\nto act on the infringement report for {asin} please provide the test buy order ID and "
       "photos "
       "of the counterfeit item and its packaging.\n\nBrand Registry Support",
       "Hello,\n\ntest buy order {order}; photos of the counterfeit item and packaging are attached.\n\nAcme "
       "Goods"},
      {"payments_de", "de", "sellercentral.amazon.de", "",
       "Auszahlung zurückgehalten: {amount} seit 14 Tagen nicht überwiesen",
       "Guten Tag,\n\ndie Auszahlung über {amount} aus dem Abrechnungszeitraum vom 1. bis 14. wurde nicht "
       "überwiesen, im Zahlungsbericht steht \"Zahlung zurückgehalten\". Unser Bankkonto ist verifiziert. "
       "Bitte "
       "geben Sie die Auszahlung frei.\n\nMit freundlichen Grüßen\nAcme Waren GmbH",
       "Guten Tag,\n\ndie Auszahlung über {amount} war wegen einer erneuten Prüfung des Bankkontos "
       "zurückgehalten. Die Prüfung ist abgeschlossen und die Zahlung wurde heute angewiesen; sie erreicht "
       "Ihr "
       "Konto in 3 bis 5 Werktagen.\n\nFreundliche Grüße\nAmazon Verkäuferservice",
       "Guten Tag,\n\nbitte laden Sie einen aktuellen Kontoauszug hoch, auf dem der Kontoinhaber und die "
       "IBAN "
       "zu sehen sind, damit wir die Auszahlung über {amount} freigeben können.\n\nAmazon Verkäuferservice",
       "Guten Tag,\n\nder Kontoauszug ist hochgeladen. Bitte geben Sie die {amount} frei.\n\nAcme Waren "
       "GmbH"},
      {"payments", "en", "sellercentral.amazon.com", "Payments",
       "Reimbursement for customer return of order {order} not received ({amount})",
       "Hello,\n\nthe customer returned order {order} but the unit never came back to our inventory, and no "
       "reimbursement was issued after 45 days. The item price was {amount}. Please reimburse us.\n\nAcme "
       "Goods",
       "Hello,\n\nthe return for order {order} was refunded to the customer but the unit was not received. "
       "A reimbursement of {amount} has been issued to your account today.\n\nRegards,\nAmazon Seller "
       "Support",
       "Hello,\n\nplease provide the order ID and the return tracking number so we can trace the return.\n\n"
       "Amazon Seller Support",
       "Hello,\n\norder {order}, return tracking 1Z999AA10123456784. Please reimburse {amount}.\n\nAcme "
       "Goods"},
      {"ads", "en", "sellercentral.amazon.com", "Advertising",
       "Sponsored Products campaign rejected: ad for {asin} not eligible",
       "Hello,\n\nour Sponsored Products ad for {asin} was rejected with \"ad not eligible\". The listing is "
       "active, in stock and in the buy box. Could you tell us why the ad is not eligible?\n\nAcme Goods",
       "Hello,\n\nthe ad for {asin} was rejected because the title contained the claim \"#1 best seller\", "
       "which the advertising policy does not allow. After you remove it from the title, the ad will be "
       "eligible again; I have re-queued it for moderation.\n\nAmazon Advertising Support",
       "Hello,\n\nplease send the campaign ID and a screenshot of the rejection message for "
       "{asin}.\n\nAmazon "
       "Advertising Support",
       "Hello,\n\ncampaign ID 7765003; screenshot attached.\n\nAcme Goods"},
      {"other", "en", "sellercentral.amazon.co.uk", "",
       "Question about VAT invoice settings for business customers",
       "Hello,\n\nsome business customers ask for VAT invoices for their orders (for example order {order}). "
       "Where do we switch on automatic VAT invoice upload, and does it work for FBA orders too?\n\nAcme "
       "Goods",
       "Hello,\n\nyou can turn on automatic VAT invoice upload in Settings > Tax Settings > VAT Calculation "
       "Service. It covers FBA orders as well, including order {order}, from the day you enable it.\n\n"
       "Regards,\nAmazon Seller Support",
       "Hello,\n\nplease tell us which marketplaces you sell in and your VAT registration number so we can "
       "check your tax settings.\n\nAmazon Seller Support",
       "Hello,\n\nwe sell in the UK and Germany; our VAT number is GB123456789.\n\nAcme Goods"},
      {"japanese", "ja", "sellercentral.amazon.co.jp", "", "FBA在庫の受領差異：{shipment}（{sku}）",
       "お世話になっております。\n\n納品プラン {shipment} で {sku}（ASIN "
       "{asin}）を48個納品しましたが、受領数が"
       "{units}"
       "個少なく記録されています。配送業者の配達証明では6箱すべて配達済みです。受領差異の調査をお願いいたし"
       "ます。\n\nアクメ商事",
       "お問い合わせいただいた納品 {shipment} について調査いたしました。{sku} "
       "の{units}個は別の箱ラベルで受領されて"
       "おり、在庫に反映いたしました。見つからなかった分については {amount} "
       "を補填いたしました。\n\nAmazon出品者"
       "サポート",
       "納品 {shipment} の調査のため、{sku} "
       "の請求書と配送業者の配達証明をご提出ください。\n\nAmazon出品者サポート",
       "請求書と配達証明を添付いたしました。{shipment} の調査をお願いいたします。\n\nアクメ商事"},
  };
  return all;
}

int scriptIndex(const char* name) {
  const auto& all = scripts();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (std::string_view(all[i].name) == name) return static_cast<int>(i);
  throw std::logic_error(std::string("no demo script ") + name);
}

// Other ways sellers word the same kind of case, so a large demo is not one subject repeated.
const char* subjectVariant(const Script& script, int k) {
  struct Row {
    const char* name;
    const char* variants[3];
  };
  static const Row rows[] = {
      {"suppressed",
       {"{asin} inactive: \"image requirements\" suppression in error",
        "Search suppressed ASIN {asin} after image update", "Please reinstate suppressed listing {asin}"}},
      {"catalog",
       {"Detail page of {asin} shows another brand", "Incorrect bullet points and title on {asin}",
        "Catalog contribution for {asin} not applied"}},
      {"catalog_de",
       {"Detailseite {asin}: Titel wird nicht aktualisiert", "Falsche Marke im Katalog für {asin}",
        "Produktbild von {asin} falsch zugeordnet"}},
      {"receiving",
       {"Units missing after check-in of {shipment}", "Inbound {shipment} closed short by {units} units",
        "Investigate received quantity for {sku} in {shipment}"}},
      {"lost",
       {"Reimbursement request: lost units of {sku}", "Damaged inventory of {asin} not reimbursed",
        "Warehouse lost {units} units of {asin}"}},
      {"shipment_fr",
       {"Envoi {shipment} livré mais non réceptionné", "Réception bloquée pour {shipment}",
        "Retard de réception de l'envoi {shipment}"}},
      {"account_health",
       {"Account health warning: late shipment rate above target",
        "Policy warning on account health dashboard", "Appeal of performance notification"}},
      {"policy_es",
       {"¿Es un producto restringido {asin}?", "Documentación de cumplimiento para {asin}",
        "Consulta sobre mercancías peligrosas: {asin}"}},
      {"policy_it",
       {"Domanda su prodotti soggetti a restrizioni: {asin}", "Documenti di conformità per {asin}",
        "Normativa sulle batterie per {asin}"}},
      {"feedback",
       {"Feedback removal request for order {order}", "A-to-z claim on order {order} - carrier delay",
        "Negative feedback violates guidelines (order {order})"}},
      {"brand",
       {"Counterfeit offers on {asin}", "Brand Registry: hijacker on {asin}",
        "Report a violation for {asin}"}},
      {"payments_de",
       {"Zahlung von {amount} nicht erhalten", "Auszahlung verzögert", "Reserve auf dem Verkäuferkonto"}},
      {"payments",
       {"Disbursement on hold", "Missing reimbursement for order {order}", "Settlement short by {amount}"}},
      {"ads",
       {"Ad for {asin} shows \"ineligible\"", "Sponsored Brands creative rejected",
        "Campaign stopped delivering for {asin}"}},
      {"other",
       {"How to add a second user to Seller Central", "Question about business address verification",
        "Tax settings for EU marketplaces"}},
      {"japanese",
       {"FBA在庫の紛失について（{sku}）", "納品 {shipment} の受領が完了しない",
        "在庫の破損補填について（{asin}）"}},
  };
  for (const auto& r : rows)
    if (std::string_view(r.name) == script.name) return r.variants[k % 3];
  return script.subject;
}

const std::vector<const char*>& genericReplies(const std::string& lang) {
  static const std::vector<const char*> en = {
      "Hello,\n\nGreetings from Amazon Seller Support.\n\nI understand that your concern is regarding your "
      "listing. I have forwarded your request to the appropriate team for further review. Please allow 24 to "
      "48 "
      "hours for them to respond.\n\nWe apologize for the inconvenience this may have caused and thank you "
      "for "
      "your patience.\n\nThank you for contacting Amazon Seller Support.\n\nWe value your feedback. Please "
      "share "
      "your experience with us by selecting one of the links below.",
      "Hello,\n\nThank you for contacting us.\n\nPlease refer to the following help page for more "
      "information "
      "on this topic: https://sellercentral.amazon.com/help/hub/reference/external/G200164330\n\nIf you need "
      "additional information, please do not hesitate to contact us again.\n\nWe apologize for the "
      "inconvenience.\n\nThank you for your patience,\nAmazon Seller Support",
      "Hello,\n\nGreetings from Amazon Seller Support.\n\nAfter reviewing your case, it appears that you "
      "have "
      "contacted the incorrect team. Please reach out to the appropriate team through the correct contact "
      "channel so that they can assist you further.\n\nWe apologize for the inconvenience.\n\nThank you for "
      "contacting Amazon Seller Support.",
  };
  static const std::vector<const char*> de = {
      "Hallo,\n\nvielen Dank für Ihre Nachricht an den Amazon Verkäuferservice.\n\nIch verstehe, dass es "
      "sich "
      "bei Ihrem Anliegen um Ihr Angebot handelt. Ich habe Ihre Anfrage an das zuständige Team "
      "weitergeleitet. "
      "Bitte haben Sie 24 bis 48 Stunden Geduld.\n\nWir entschuldigen uns für die Unannehmlichkeiten.\n\n"
      "Vielen Dank für Ihre Geduld.\nAmazon Verkäuferservice"};
  static const std::vector<const char*> fr = {
      "Bonjour,\n\nMerci d'avoir contacté le Support Vendeur Amazon.\n\nJe comprends que votre demande "
      "concerne "
      "votre envoi. J'ai transmis votre demande à l'équipe concernée, qui vous répondra dans un délai de 24 "
      "à 48 "
      "heures.\n\nNous nous excusons pour la gêne occasionnée et vous remercions de votre "
      "patience.\n\nSupport "
      "Vendeur Amazon"};
  static const std::vector<const char*> es = {
      "Hola:\n\nGracias por ponerte en contacto con el Servicio de Soporte para Vendedores de "
      "Amazon.\n\nEntiendo "
      "que tu consulta se refiere a la normativa. He remitido tu solicitud al equipo correspondiente para "
      "que la "
      "revise.\n\nLamentamos las molestias y te agradecemos tu paciencia.\n\nSoporte para vendedores de "
      "Amazon"};
  static const std::vector<const char*> it = {
      "Buongiorno,\n\ngrazie per aver contattato il Supporto Venditori di Amazon.\n\nHo inoltrato la sua "
      "richiesta al team competente, che le risponderà al più presto.\n\nCi scusiamo per l'inconveniente e "
      "la "
      "ringraziamo per la pazienza.\n\nSupporto Venditori Amazon"};
  static const std::vector<const char*> ja = {
      "お問い合わせいただきありがとうございます。Amazon出品者サポートです。\n\nお問い合わせの件につきましては"
      "、担当"
      "部署へ転送いたしました。回答まで24〜48時間ほどお待ちください。\n\nご不便をおかけして申し訳ございません"
      "。"
      "詳細については、セラーセントラルのヘルプページをご参照ください。\n\nAmazon出品者サポート"};
  if (lang == "de") return de;
  if (lang == "fr") return fr;
  if (lang == "es") return es;
  if (lang == "it") return it;
  if (lang == "ja") return ja;
  return en;
}

const char* reference(const std::string& lang) {
  if (lang == "de") return "\n\nReferenz: Fall {case}, geprüft am {date}.";
  if (lang == "fr") return "\n\nRéférence : cas {case}, examiné le {date}.";
  if (lang == "es") return "\n\nReferencia: caso {case}, revisado el {date}.";
  if (lang == "it") return "\n\nRiferimento: caso {case}, esaminato il {date}.";
  if (lang == "ja") return "\n\n参照：ケース {case}（{date} 確認）";
  return "\n\nReference: case {case}, reviewed on {date}.";
}

const char* followUp(const std::string& lang) {
  if (lang == "de")
    return "Guten Tag,\n\ndie Antwort geht nicht auf unser Problem ein. Bitte prüfen Sie den Fall {case} "
           "erneut und teilen Sie uns mit, was unternommen wurde.\n\nAcme Waren GmbH";
  if (lang == "fr")
    return "Bonjour,\n\ncette réponse ne traite pas notre problème. Merci de réexaminer le cas {case} "
           "et de nous dire ce qui a été fait.\n\nAcme Goods";
  if (lang == "es")
    return "Hola:\n\nla respuesta no resuelve nuestra consulta. Por favor, revisen de nuevo el caso {case}."
           "\n\nAcme Goods";
  if (lang == "it")
    return "Buongiorno,\n\nla risposta non riguarda la nostra domanda. Vi preghiamo di riesaminare il "
           "caso {case}.\n\nAcme Goods";
  if (lang == "ja")
    return "ご回答ありがとうございます。しかし、ケース {case} の問題は解決しておりません。再度ご確認を"
           "お願いいたします。\n\nアクメ商事";
  return "Hello,\n\nthis reply does not address our issue. I am reopening case {case}: please have someone "
         "review "
         "the details above and tell us what was found and what action was taken.\n\nAcme Goods";
}

const char* amazonSender(const std::string& lang) {
  if (lang == "de") return "Amazon Verkäuferservice";
  if (lang == "fr") return "Support Vendeur Amazon";
  if (lang == "es") return "Soporte para vendedores de Amazon";
  if (lang == "it") return "Supporto Venditori Amazon";
  if (lang == "ja") return "Amazon出品者サポート";
  return "Amazon Seller Support";
}

const char* sellerSender(const std::string& lang) {
  if (lang == "de") return "Acme Waren GmbH";
  if (lang == "ja") return "アクメ商事";
  return "Acme Goods";
}

std::string rawStatus(const std::string& lang, const std::string& status) {
  struct Row {
    const char* status;
    const char* en;
    const char* de;
    const char* fr;
    const char* es;
    const char* it;
    const char* ja;
  };
  static const Row rows[] = {
      {"open", "Open", "Offen", "Ouvert", "Abierto", "Aperto", "オープン"},
      {"pending_amazon", "Pending Amazon action", "Ausstehende Amazon-Aktion",
       "En attente d'une action d'Amazon", "Pendiente de acción de Amazon", "In attesa di Amazon",
       "Amazonの対応待ち"},
      {"needs_seller", "Needs your attention", "Erfordert Ihre Aufmerksamkeit", "Nécessite votre attention",
       "Requiere tu atención", "Richiede la tua attenzione", "要対応"},
      {"answered", "Answered", "Beantwortet", "Répondu", "Respondido", "Risposto", "回答済み"},
      {"work_in_progress", "Work in progress", "In Bearbeitung", "En cours de traitement", "En curso",
       "In lavorazione", "対応中"},
      {"resolved", "Resolved", "Gelöst", "Résolu", "Resuelto", "Risolto", "解決済み"},
      {"closed", "Closed", "Geschlossen", "Fermé", "Cerrado", "Chiuso", "クローズ"},
      {"reopened", "Reopened", "Wieder geöffnet", "Rouvert", "Reabierto", "Riaperto", "再開"},
  };
  for (const auto& r : rows) {
    if (status != r.status) continue;
    if (lang == "de") return r.de;
    if (lang == "fr") return r.fr;
    if (lang == "es") return r.es;
    if (lang == "it") return r.it;
    if (lang == "ja") return r.ja;
    return r.en;
  }
  return status;
}

}  // namespace caselog::demo
