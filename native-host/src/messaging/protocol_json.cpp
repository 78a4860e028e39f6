#include "messaging/protocol_json.hpp"

#include <cmath>
#include <cstdio>

#include "core/error.hpp"

namespace caselog::messaging {

namespace {

MessageSnapshot readMessage(const Fields& m) {
  MessageSnapshot out;
  out.author = m.requiredString("author");
  if (out.author != "seller" && out.author != "amazon") {
    throw Error(ErrorCode::bad_request, "field `" + m.path() + ".author` must be \"seller\" or \"amazon\"");
  }
  out.sender = m.stringOr("sender", "");
  out.sentAt = m.stringOr("sentAt", "");
  out.body = m.requiredString("body");
  return out;
}

std::string signedAmount(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", x);
  return buf;
}

}  // namespace

CaptureSource readSource(const Fields& request) {
  const Fields s = request.object("source");
  CaptureSource out;
  out.url = s.stringOr("url", "");
  out.capturedAt = s.stringOr("capturedAt", "");
  out.page = s.stringOr("page", "");
  out.parser = s.stringOr("parser", "");
  return out;
}

CaseSnapshot readCaseSnapshot(const Fields& c) {
  CaseSnapshot out;
  out.caseId = c.requiredString("caseId");
  out.marketplace = c.stringOr("marketplace", "");
  out.subject = c.stringOr("subject", "");
  out.status = c.stringOr("status", "");
  out.category = c.stringOr("category", "");
  out.createdAt = c.stringOr("createdAt", "");
  out.updatedAt = c.stringOr("updatedAt", "");
  for (const Fields& m : c.objectArrayOr("messages")) out.messages.push_back(readMessage(m));
  return out;
}

std::vector<CaseListEntry> readListEntries(const Fields& request) {
  std::vector<CaseListEntry> out;
  for (const Fields& e : request.objectArray("cases")) {
    CaseListEntry entry;
    entry.caseId = e.requiredString("caseId");
    entry.subject = e.stringOr("subject", "");
    entry.status = e.stringOr("status", "");
    entry.createdAt = e.stringOr("createdAt", "");
    entry.updatedAt = e.stringOr("updatedAt", "");
    out.push_back(std::move(entry));
  }
  return out;
}

nlohmann::json optionalInstant(const std::optional<Instant>& t) {
  return t ? nlohmann::json(formatIso8601(*t)) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const Priority& p) {
  nlohmann::json reasons = nlohmann::json::array();
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : p.terms) {
    if (t.contribution != 0) reasons.push_back(t.explanation + " " + signedAmount(t.contribution));
    terms.push_back({{"name", t.name},
                     {"value", t.value},
                     {"coefficient", t.coefficient},
                     {"contribution", t.contribution},
                     {"explanation", t.explanation}});
  }
  return {
      {"score", std::round(p.score * 100) / 100}, {"label", p.label}, {"reasons", reasons}, {"terms", terms}};
}

nlohmann::json toJson(const Reminder& r) {
  return {{"caseId", r.caseId},
          {"subject", r.subject},
          {"rule", r.rule},
          {"message", r.message},
          {"dueAt", formatIso8601(r.dueAt)}};
}

nlohmann::json toJson(const SearchHit& h) {
  return {{"caseId", h.caseId},       {"subject", h.subject},
          {"author", h.author},       {"sentAt", optionalInstant(h.sentAt)},
          {"messageId", h.messageId}, {"snippet", h.snippet},
          {"score", h.score}};
}

nlohmann::json toJson(const Event& e) {
  return {{"seq", e.seq}, {"kind", e.kind}, {"at", formatIso8601(e.at)}, {"data", e.data}, {"hash", e.hash}};
}

nlohmann::json toJson(const StoredMessage& m) {
  return {{"id", m.id},
          {"author", m.author},
          {"sender", m.sender},
          {"sentAt", optionalInstant(m.sentAt)},
          {"body", m.body},
          {"capturedAt", formatIso8601(m.capturedAt)},
          {"version", m.version},
          {"supersedes", m.supersedes ? nlohmann::json(*m.supersedes) : nlohmann::json(nullptr)}};
}

nlohmann::json caseSummaryJson(const CaseRecord& c) {
  nlohmann::json identifiers = nlohmann::json::array();
  for (const auto& i : c.identifiers) identifiers.push_back({{"kind", i.kind}, {"value", i.value}});
  nlohmann::json notes = nlohmann::json::array();
  for (const auto& n : c.notes)
    notes.push_back({{"id", n.id}, {"at", formatIso8601(n.at)}, {"text", n.text}});
  return {{"caseId", c.caseId},
          {"marketplace", c.marketplace},
          {"subject", c.subject},
          {"status", c.status},
          {"statusRaw", c.statusRaw},
          {"category", c.category},
          {"categoryRaw", c.categoryRaw},
          {"categoryOverride", c.categoryOverride ? nlohmann::json(*c.categoryOverride) : nlohmann::json()},
          {"createdAt", optionalInstant(c.createdAt)},
          {"updatedAt", optionalInstant(c.updatedAt)},
          {"firstCapturedAt", formatIso8601(c.firstCapturedAt)},
          {"lastCapturedAt", formatIso8601(c.lastCapturedAt)},
          {"pinned", c.pinned},
          {"reopenCount", c.reopenCount},
          {"snoozedUntil", optionalInstant(c.snoozedUntil)},
          {"messageCount", c.messageCount},
          {"identifiers", identifiers},
          {"notes", notes}};
}

}  // namespace caselog::messaging
