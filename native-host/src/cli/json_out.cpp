#include "cli/json_out.hpp"

#include "cli/format.hpp"

namespace caselog::cli {

using nlohmann::json;

void printJson(std::ostream& out, const json& value) {
  out << value.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

json isoOrNull(const std::optional<Instant>& t) {
  return t ? json(formatIso8601(*t)) : json(nullptr);
}

json toJson(const Priority& p) {
  json terms = json::array();
  for (const auto& t : p.terms)
    terms.push_back({{"name", t.name},
                     {"value", t.value},
                     {"coefficient", t.coefficient},
                     {"contribution", t.contribution},
                     {"explanation", t.explanation}});
  return {{"score", p.score}, {"label", p.label}, {"terms", terms}};
}

json toJson(const Reminder& r) {
  return {{"caseId", r.caseId},
          {"subject", r.subject},
          {"rule", r.rule},
          {"message", r.message},
          {"dueAt", formatIso8601(r.dueAt)}};
}

json toJson(const GenericVerdict& v) {
  return {{"score", v.score}, {"generic", v.generic}, {"reasons", v.reasons}};
}

json toJson(const NextStep& s) {
  return {{"action", s.action}, {"team", s.team}, {"reason", s.reason}, {"draft", s.draft}};
}

json toJson(const Event& e) {
  return {{"seq", e.seq},   {"caseId", e.caseId},     {"kind", e.kind}, {"at", formatIso8601(e.at)},
          {"data", e.data}, {"prevHash", e.prevHash}, {"hash", e.hash}};
}

json toJson(const Note& n) {
  return {{"id", n.id}, {"at", formatIso8601(n.at)}, {"text", n.text}};
}

json toJson(const StoredMessage& m) {
  return {{"id", m.id},
          {"author", m.author},
          {"sender", m.sender},
          {"sentAt", isoOrNull(m.sentAt)},
          {"capturedAt", formatIso8601(m.capturedAt)},
          {"version", m.version},
          {"supersedes", m.supersedes ? json(*m.supersedes) : json(nullptr)},
          {"current", m.current},
          {"body", m.body}};
}

json toJson(const Identifier& id) {
  return {{"kind", id.kind}, {"value", id.value}};
}

json caseSummaryJson(const CaseRecord& c) {
  return {{"caseId", c.caseId},
          {"marketplace", c.marketplace},
          {"subject", c.subject},
          {"status", c.status},
          {"statusRaw", c.statusRaw},
          {"category", c.category},
          {"categoryRaw", c.categoryRaw},
          {"categoryOverride", c.categoryOverride ? json(*c.categoryOverride) : json(nullptr)},
          {"createdAt", isoOrNull(c.createdAt)},
          {"updatedAt", isoOrNull(c.updatedAt)},
          {"firstCapturedAt", formatIso8601(c.firstCapturedAt)},
          {"lastCapturedAt", formatIso8601(c.lastCapturedAt)},
          {"pinned", c.pinned},
          {"reopenCount", c.reopenCount},
          {"snoozedUntil", isoOrNull(c.snoozedUntil)},
          {"messageCount", c.messageCount},
          {"identifiers", toJsonArray(c.identifiers)},
          {"notes", toJsonArray(c.notes)}};
}

json toJson(const SearchHit& h) {
  std::vector<std::string> highlights;
  const std::string snippet = plainSnippet(h.snippet, &highlights);
  return {{"caseId", h.caseId},       {"subject", h.subject},
          {"author", h.author},       {"sentAt", isoOrNull(h.sentAt)},
          {"messageId", h.messageId}, {"snippet", snippet},
          {"highlights", highlights}, {"score", h.score}};
}

json toJson(const Trends& t) {
  json perWeek = json::array(), recurring = json::array(), times = json::array();
  for (const auto& w : t.perWeek)
    perWeek.push_back({{"weekStart", w.weekStart}, {"category", w.category}, {"cases", w.cases}});
  for (const auto& r : t.recurring)
    recurring.push_back({{"category", r.category},
                         {"key", r.key},
                         {"kind", r.kind},
                         {"caseIds", r.caseIds},
                         {"hint", r.hint}});
  auto hoursOrNull = [](double h) { return h < 0 ? json(nullptr) : json(h); };
  for (const auto& c : t.times)
    times.push_back({{"category", c.category},
                     {"cases", c.cases},
                     {"medianHoursToFirstReply", hoursOrNull(c.medianHoursToFirstReply)},
                     {"medianHoursToResolution", hoursOrNull(c.medianHoursToResolution)}});
  return {{"perWeek", perWeek},
          {"recurring", recurring},
          {"times", times},
          {"amazonReplies", t.amazonReplies},
          {"genericReplies", t.genericReplies},
          {"genericReplyRate", t.genericReplyRate},
          {"cases", t.cases},
          {"reopenedCases", t.reopenedCases},
          {"reopenRate", t.reopenRate}};
}

json toJson(const CaptureOutcome& o) {
  return {{"caseId", o.caseId},
          {"created", o.created},
          {"newMessages", o.newMessages},
          {"newVersions", o.newVersions},
          {"statusChanged", o.statusChanged},
          {"priority", toJson(o.priority)},
          {"reminders", toJsonArray(o.reminders)}};
}

json toJson(const VerifyReport& r) {
  return {{"ok", r.ok},
          {"checked", r.checked},
          {"firstBadSeq", r.firstBadSeq ? json(*r.firstBadSeq) : json(nullptr)},
          {"problem", r.problem},
          {"headHash", r.headHash}};
}

}  // namespace caselog::cli
