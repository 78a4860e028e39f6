#include "domain/status.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/text.hpp"

namespace caselog {

namespace {

struct StatusName {
  const char* folded;  // as text::fold() leaves it
  const char* status;
};

// Seller Central's status labels in its languages (EN, DE, FR, IT, ES, JA, plus NL, PL, PT, SV, TR).
// Checked longest first, by exact match and then as a phrase inside the label, so "Reopened" is
// never read as "open" and "Status: Answered" still maps.
constexpr StatusName kNames[] = {
    // English
    {"pending amazon action", "pending_amazon"},
    {"pending amazon", "pending_amazon"},
    {"needs your attention", "needs_seller"},
    {"action required", "needs_seller"},
    {"pending seller action", "needs_seller"},
    {"needs your response", "needs_seller"},
    {"needs your reply", "needs_seller"},
    {"needs your action", "needs_seller"},
    {"awaiting your response", "needs_seller"},
    {"awaiting your reply", "needs_seller"},
    {"awaiting your action", "needs_seller"},
    {"awaiting seller response", "needs_seller"},
    {"awaiting seller action", "needs_seller"},
    {"waiting for your reply", "needs_seller"},
    {"waiting for your response", "needs_seller"},
    {"waiting on your response", "needs_seller"},
    {"waiting for seller", "needs_seller"},
    {"pending seller response", "needs_seller"},
    {"pending your response", "needs_seller"},
    {"seller action required", "needs_seller"},
    {"response required", "needs_seller"},
    {"response needed", "needs_seller"},
    {"awaiting amazon", "pending_amazon"},
    {"waiting for amazon", "pending_amazon"},
    {"work in progress", "work_in_progress"},
    {"in progress", "work_in_progress"},
    {"answered", "answered"},
    {"resolved", "resolved"},
    {"closed", "closed"},
    {"reopened", "reopened"},
    {"re-opened", "reopened"},
    {"reopen", "reopened"},
    {"open", "open"},
    // German
    {"ausstehende amazon-aktion", "pending_amazon"},
    {"ausstehende aktion von amazon", "pending_amazon"},
    {"warten auf amazon", "pending_amazon"},
    {"wartet auf amazon", "pending_amazon"},
    {"erfordert ihre aufmerksamkeit", "needs_seller"},
    {"benotigt ihre aufmerksamkeit", "needs_seller"},
    {"ihre aufmerksamkeit ist erforderlich", "needs_seller"},
    {"aktion erforderlich", "needs_seller"},
    {"antwort erforderlich", "needs_seller"},
    {"ihre antwort ist erforderlich", "needs_seller"},
    {"wartet auf ihre antwort", "needs_seller"},
    {"warten auf ihre antwort", "needs_seller"},
    {"handlung erforderlich", "needs_seller"},
    {"in bearbeitung", "work_in_progress"},
    {"beantwortet", "answered"},
    {"gelost", "resolved"},
    {"geschlossen", "closed"},
    {"wieder geoffnet", "reopened"},
    {"erneut geoffnet", "reopened"},
    {"offen", "open"},
    {"geoffnet", "open"},
    // French
    {"en attente d'une action d'amazon", "pending_amazon"},
    {"en attente d'action amazon", "pending_amazon"},
    {"en attente d'amazon", "pending_amazon"},
    {"action amazon en attente", "pending_amazon"},
    {"necessite votre attention", "needs_seller"},
    {"requiert votre attention", "needs_seller"},
    {"action requise", "needs_seller"},
    {"reponse requise", "needs_seller"},
    {"en attente de votre reponse", "needs_seller"},
    {"en attente de votre action", "needs_seller"},
    {"en cours de traitement", "work_in_progress"},
    {"en cours", "work_in_progress"},
    {"repondu", "answered"},
    {"resolu", "resolved"},
    {"ferme", "closed"},
    {"clos", "closed"},
    {"rouvert", "reopened"},
    {"reouvert", "reopened"},
    {"ouvert", "open"},
    // Italian
    {"in attesa di azione da parte di amazon", "pending_amazon"},
    {"in attesa di amazon", "pending_amazon"},
    {"azione di amazon in sospeso", "pending_amazon"},
    {"richiede la tua attenzione", "needs_seller"},
    {"richiede la sua attenzione", "needs_seller"},
    {"richiede attenzione", "needs_seller"},
    {"azione richiesta", "needs_seller"},
    {"risposta richiesta", "needs_seller"},
    {"in attesa della tua risposta", "needs_seller"},
    {"in attesa della sua risposta", "needs_seller"},
    {"in lavorazione", "work_in_progress"},
    {"in corso", "work_in_progress"},
    {"con risposta", "answered"},
    {"risposto", "answered"},
    {"risolto", "resolved"},
    {"chiuso", "closed"},
    {"riaperto", "reopened"},
    {"aperto", "open"},
    // Spanish
    {"pendiente de accion de amazon", "pending_amazon"},
    {"pendiente de amazon", "pending_amazon"},
    {"requiere tu atencion", "needs_seller"},
    {"requiere su atencion", "needs_seller"},
    {"necesita tu atencion", "needs_seller"},
    {"accion requerida", "needs_seller"},
    {"se requiere accion", "needs_seller"},
    {"esperando tu respuesta", "needs_seller"},
    {"esperando su respuesta", "needs_seller"},
    {"pendiente de tu respuesta", "needs_seller"},
    {"pendiente de su respuesta", "needs_seller"},
    {"en curso", "work_in_progress"},
    {"en proceso", "work_in_progress"},
    {"respondido", "answered"},
    {"resuelto", "resolved"},
    {"cerrado", "closed"},
    {"reabierto", "reopened"},
    {"abierto", "open"},
    // Japanese
    {"amazonの対応待ち", "pending_amazon"},
    {"amazon対応待ち", "pending_amazon"},
    {"amazonからの対応待ち", "pending_amazon"},
    {"要対応", "needs_seller"},
    {"対応が必要です", "needs_seller"},
    {"お客様の対応が必要", "needs_seller"},
    {"返信が必要です", "needs_seller"},
    {"お客様の返信待ち", "needs_seller"},
    {"出品者の対応待ち", "needs_seller"},
    {"amazonからの返信待ち", "pending_amazon"},
    {"対応中", "work_in_progress"},
    {"処理中", "work_in_progress"},
    {"回答済み", "answered"},
    {"返信済み", "answered"},
    {"解決済み", "resolved"},
    {"クローズ", "closed"},
    {"終了", "closed"},
    {"再開", "reopened"},
    {"再オープン", "reopened"},
    {"オープン", "open"},
    {"未解決", "open"},
    // Dutch, Polish, Portuguese, Swedish, Turkish (other Seller Central marketplaces)
    {"beantwoord", "answered"},
    {"opgelost", "resolved"},
    {"gesloten", "closed"},
    {"heropend", "reopened"},
    {"actie vereist", "needs_seller"},
    {"wacht op uw reactie", "needs_seller"},
    {"odpowiedziano", "answered"},
    {"rozwiazane", "resolved"},
    {"zamkniete", "closed"},
    {"otwarte", "open"},
    {"respondida", "answered"},
    {"resolvido", "resolved"},
    {"fechado", "closed"},
    {"reaberto", "reopened"},
    {"aberto", "open"},
    {"acao necessaria", "needs_seller"},
    {"aguardando sua resposta", "needs_seller"},
    {"besvarad", "answered"},
    {"stangd", "closed"},
    {"oppen", "open"},
    {"yanitlandi", "answered"},
    {"cozuldu", "resolved"},
    {"kapali", "closed"},
    {"acik", "open"},
};

// The table sorted longest label first, so the most specific phrase wins inside a longer label.
const std::vector<StatusName>& byLength() {
  static const std::vector<StatusName> sorted = [] {
    std::vector<StatusName> v(std::begin(kNames), std::end(kNames));
    std::stable_sort(v.begin(), v.end(), [](const StatusName& a, const StatusName& b) {
      return std::string_view(a.folded).size() > std::string_view(b.folded).size();
    });
    return v;
  }();
  return sorted;
}

}  // namespace

std::string normalizeStatus(std::string_view raw) {
  const std::string folded = text::fold(raw);
  if (folded.empty()) return "unknown";
  for (const auto& name : kNames) {
    if (folded == name.folded) return name.status;
  }
  // Already normalized ("needs_seller") or written with underscores.
  for (const char* key : {"open", "pending_amazon", "needs_seller", "answered", "work_in_progress",
                          "resolved", "closed", "reopened"}) {
    if (folded == key) return key;
  }
  for (const auto& name : byLength()) {
    if (text::containsPhrase(folded, name.folded)) return name.status;
  }
  return "unknown";
}

}  // namespace caselog
