#include "domain/status.hpp"

#include <gtest/gtest.h>

using caselog::normalizeStatus;

TEST(Status, EnglishLabelsFromTheCaseLog) {
  EXPECT_EQ(normalizeStatus("Open"), "open");
  EXPECT_EQ(normalizeStatus("Answered"), "answered");
  EXPECT_EQ(normalizeStatus("Needs your attention"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Pending Amazon action"), "pending_amazon");
  EXPECT_EQ(normalizeStatus("Work in progress"), "work_in_progress");
  EXPECT_EQ(normalizeStatus("Resolved"), "resolved");
  EXPECT_EQ(normalizeStatus("Closed"), "closed");
  EXPECT_EQ(normalizeStatus("Reopened"), "reopened");
}

TEST(Status, CaseAndWhitespaceDoNotMatter) {
  EXPECT_EQ(normalizeStatus("  ANSWERED \n"), "answered");
  EXPECT_EQ(normalizeStatus("needs   your\tattention"), "needs_seller");
  EXPECT_EQ(normalizeStatus("PENDING\u00a0AMAZON ACTION"), "pending_amazon");
}

TEST(Status, ReopenedIsNeverReadAsOpen) {
  EXPECT_EQ(normalizeStatus("Reopened"), "reopened");
  EXPECT_EQ(normalizeStatus("Riaperto"), "reopened");
  EXPECT_EQ(normalizeStatus("Reabierto"), "reopened");
  EXPECT_EQ(normalizeStatus("Wieder geöffnet"), "reopened");
}

TEST(Status, German) {
  EXPECT_EQ(normalizeStatus("Offen"), "open");
  EXPECT_EQ(normalizeStatus("Beantwortet"), "answered");
  EXPECT_EQ(normalizeStatus("Erfordert Ihre Aufmerksamkeit"), "needs_seller");
  EXPECT_EQ(normalizeStatus("In Bearbeitung"), "work_in_progress");
  EXPECT_EQ(normalizeStatus("Gelöst"), "resolved");
  EXPECT_EQ(normalizeStatus("GELÖST"), "resolved");
  EXPECT_EQ(normalizeStatus("Geschlossen"), "closed");
}

TEST(Status, French) {
  EXPECT_EQ(normalizeStatus("Ouvert"), "open");
  EXPECT_EQ(normalizeStatus("Répondu"), "answered");
  EXPECT_EQ(normalizeStatus("RÉSOLU"), "resolved");
  EXPECT_EQ(normalizeStatus("Nécessite votre attention"), "needs_seller");
  EXPECT_EQ(normalizeStatus("En attente d'une action d'Amazon"), "pending_amazon");
  EXPECT_EQ(normalizeStatus("En attente d’une action d’Amazon"), "pending_amazon");  // typographic apostrophe
  EXPECT_EQ(normalizeStatus("Fermé"), "closed");
  EXPECT_EQ(normalizeStatus("Rouvert"), "reopened");
}

TEST(Status, Italian) {
  EXPECT_EQ(normalizeStatus("Aperto"), "open");
  EXPECT_EQ(normalizeStatus("Risposto"), "answered");
  EXPECT_EQ(normalizeStatus("Richiede la tua attenzione"), "needs_seller");
  EXPECT_EQ(normalizeStatus("In attesa di azione da parte di Amazon"), "pending_amazon");
  EXPECT_EQ(normalizeStatus("Risolto"), "resolved");
  EXPECT_EQ(normalizeStatus("Chiuso"), "closed");
}

TEST(Status, Spanish) {
  EXPECT_EQ(normalizeStatus("Abierto"), "open");
  EXPECT_EQ(normalizeStatus("Respondido"), "answered");
  EXPECT_EQ(normalizeStatus("Requiere tu atención"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Pendiente de acción de Amazon"), "pending_amazon");
  EXPECT_EQ(normalizeStatus("Resuelto"), "resolved");
  EXPECT_EQ(normalizeStatus("Cerrado"), "closed");
}

TEST(Status, Japanese) {
  EXPECT_EQ(normalizeStatus("回答済み"), "answered");
  EXPECT_EQ(normalizeStatus("要対応"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Amazonの対応待ち"), "pending_amazon");
  EXPECT_EQ(normalizeStatus("対応中"), "work_in_progress");
  EXPECT_EQ(normalizeStatus("解決済み"), "resolved");
  EXPECT_EQ(normalizeStatus("クローズ"), "closed");
  EXPECT_EQ(normalizeStatus("再オープン"), "reopened");
}

TEST(Status, LabelInsideLongerTextStillMaps) {
  EXPECT_EQ(normalizeStatus("Status: Answered"), "answered");
  EXPECT_EQ(normalizeStatus("Pending Amazon action (updated today)"), "pending_amazon");
}

TEST(Status, AlreadyNormalizedKeysPassThrough) {
  EXPECT_EQ(normalizeStatus("needs_seller"), "needs_seller");
  EXPECT_EQ(normalizeStatus("work_in_progress"), "work_in_progress");
}

TEST(Status, UnknownAndEmpty) {
  EXPECT_EQ(normalizeStatus(""), "unknown");
  EXPECT_EQ(normalizeStatus("   "), "unknown");
  EXPECT_EQ(normalizeStatus("Banana"), "unknown");
  EXPECT_EQ(normalizeStatus("Reopenable"), "unknown");
  EXPECT_EQ(normalizeStatus("\xff\xfe"), "unknown");
}

// Seller Central and its e-mails word "Amazon waits for the seller" in several ways.
TEST(Status, NeedsSellerVariants) {
  EXPECT_EQ(normalizeStatus("Needs your response"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Needs your reply"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Action required"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Awaiting your response"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Pending seller action"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Waiting for your reply"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Status: Needs your response"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Antwort erforderlich"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Wartet auf Ihre Antwort"), "needs_seller");
  EXPECT_EQ(normalizeStatus("En attente de votre réponse"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Réponse requise"), "needs_seller");
  EXPECT_EQ(normalizeStatus("In attesa della tua risposta"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Acción requerida"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Esperando su respuesta"), "needs_seller");
  EXPECT_EQ(normalizeStatus("お客様の返信待ち"), "needs_seller");
  EXPECT_EQ(normalizeStatus("Ação necessária"), "needs_seller");
  // …while Amazon's own waiting stays pending_amazon.
  EXPECT_EQ(normalizeStatus("Awaiting Amazon response"), "pending_amazon");
  EXPECT_EQ(normalizeStatus("Amazonからの返信待ち"), "pending_amazon");
}
