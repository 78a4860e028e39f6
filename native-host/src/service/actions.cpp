// The seller's actions on a case: note, snooze, category override, pin. Each is one transaction
// holding the change and its audit event; priority and reminders are recomputed afterwards.
#include "core/error.hpp"
#include "domain/category.hpp"
#include "service/case_service.hpp"
#include "storage/audit.hpp"
#include "storage/store.hpp"

namespace caselog {

namespace {

constexpr std::size_t kMaxNoteBytes = 64 * 1024;

CaseRecord requireCase(Store& store, const std::string& caseId) {
  auto c = store.findCase(caseId, false);
  if (!c) throw Error(ErrorCode::not_found, "no case " + caseId);
  return std::move(*c);
}

// Priority and reminders follow the change; their writes share one commit.
void reassessInOneCommit(CaseService& service, const std::string& caseId) {
  service.store().transaction([&] { service.reassess(caseId); });
}

}  // namespace

Note CaseService::addNote(const std::string& caseId, const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw Error(ErrorCode::bad_request, "note text is empty");
  if (text.size() > kMaxNoteBytes) throw Error(ErrorCode::bad_request, "note text is longer than 64 KiB");
  Note note;
  store_.transaction([&] {
    requireCase(store_, caseId);
    note = store_.addNote(caseId, now(), text);
    store_.appendEvent(caseId, "note_added", note.at,
                       {{"noteId", note.id}, {"contentHash", audit::noteContentHash(note)}, {"text", text}});
  });
  return note;
}

void CaseService::snooze(const std::string& caseId, Instant until) {
  store_.transaction([&] {
    CaseRecord c = requireCase(store_, caseId);
    c.snoozedUntil = until;
    store_.upsertCase(c);
    store_.appendEvent(caseId, "snoozed", now(), {{"until", formatIso8601(until)}});
  });
  reassessInOneCommit(*this, caseId);
}

void CaseService::setCategory(const std::string& caseId, const std::string& category) {
  if (!isCategoryKey(category)) throw Error(ErrorCode::bad_request, "unknown category '" + category + "'");
  store_.transaction([&] {
    CaseRecord c = requireCase(store_, caseId);
    const std::string from = c.category;
    c.categoryOverride = category;
    c.category = category;
    store_.upsertCase(c);
    store_.appendEvent(caseId, "category_set", now(), {{"from", from}, {"to", category}});
  });
  reassessInOneCommit(*this, caseId);
}

void CaseService::setPinned(const std::string& caseId, bool pinned) {
  bool changed = false;
  store_.transaction([&] {
    CaseRecord c = requireCase(store_, caseId);
    changed = c.pinned != pinned;
    if (!changed) return;
    c.pinned = pinned;
    store_.upsertCase(c);
    store_.appendEvent(caseId, "pinned", now(), {{"pinned", pinned}});
  });
  if (changed) reassessInOneCommit(*this, caseId);
}

}  // namespace caselog
