#include "web/json_view.hpp"

namespace caselog::web {

namespace {

nlohmann::json instant(const std::optional<Instant>& t) {
  return t ? nlohmann::json(formatIso8601(*t)) : nlohmann::json(nullptr);
}

}  // namespace

nlohmann::json toJson(const Priority& p) {
  nlohmann::json terms = nlohmann::json::array();
  for (const auto& t : p.terms)
    terms.push_back({{"name", t.name},
                     {"value", t.value},
                     {"coefficient", t.coefficient},
                     {"contribution", t.contribution},
                     {"explanation", t.explanation}});
  return {{"score", p.score}, {"label", p.label}, {"terms", terms}};
}

nlohmann::json toJson(const Reminder& r) {
  return {{"caseId", r.caseId},
          {"subject", r.subject},
          {"rule", r.rule},
          {"message", r.message},
          {"dueAt", formatIso8601(r.dueAt)}};
}

nlohmann::json toJson(const StoredMessage& m) {
  return {{"id", m.id},
          {"author", m.author},
          {"sender", m.sender},
          {"sentAt", instant(m.sentAt)},
          {"capturedAt", formatIso8601(m.capturedAt)},
          {"version", m.version},
          {"supersedes", m.supersedes ? nlohmann::json(*m.supersedes) : nlohmann::json(nullptr)},
          {"current", m.current},
          {"body", m.body}};
}

nlohmann::json toJson(const Event& e) {
  return {{"seq", e.seq},   {"caseId", e.caseId},     {"kind", e.kind}, {"at", formatIso8601(e.at)},
          {"data", e.data}, {"prevHash", e.prevHash}, {"hash", e.hash}};
}

nlohmann::json toJson(const SearchHit& h) {
  return {
      {"caseId", h.caseId},       {"subject", h.subject}, {"author", h.author}, {"sentAt", instant(h.sentAt)},
      {"messageId", h.messageId}, {"snippet", h.snippet}, {"score", h.score}};
}

nlohmann::json toJson(const NextStep& s) {
  return {{"action", s.action}, {"team", s.team}, {"reason", s.reason}, {"draft", s.draft}};
}

nlohmann::json toJson(const GenericVerdict& v) {
  return {{"score", v.score}, {"generic", v.generic}, {"reasons", v.reasons}};
}

nlohmann::json toJson(const Trends& t) {
  nlohmann::json weeks = nlohmann::json::array(), recurring = nlohmann::json::array(),
                 times = nlohmann::json::array();
  for (const auto& w : t.perWeek)
    weeks.push_back({{"weekStart", w.weekStart}, {"category", w.category}, {"cases", w.cases}});
  for (const auto& r : t.recurring)
    recurring.push_back({{"category", r.category},
                         {"key", r.key},
                         {"kind", r.kind},
                         {"caseIds", r.caseIds},
                         {"hint", r.hint}});
  for (const auto& c : t.times)
    times.push_back({{"category", c.category},
                     {"cases", c.cases},
                     {"medianHoursToFirstReply", c.medianHoursToFirstReply},
                     {"medianHoursToResolution", c.medianHoursToResolution}});
  return {{"perWeek", weeks},
          {"recurring", recurring},
          {"times", times},
          {"amazonReplies", t.amazonReplies},
          {"genericReplies", t.genericReplies},
          {"genericReplyRate", t.genericReplyRate},
          {"cases", t.cases},
          {"reopenedCases", t.reopenedCases},
          {"reopenRate", t.reopenRate}};
}

nlohmann::json toJson(const CaseRecord& c) {
  nlohmann::json ids = nlohmann::json::array(), notes = nlohmann::json::array(),
                 messages = nlohmann::json::array();
  for (const auto& i : c.identifiers) ids.push_back({{"kind", i.kind}, {"value", i.value}});
  for (const auto& n : c.notes)
    notes.push_back({{"id", n.id}, {"at", formatIso8601(n.at)}, {"text", n.text}});
  for (const auto& m : c.messages) messages.push_back(toJson(m));
  return {{"caseId", c.caseId},
          {"marketplace", c.marketplace},
          {"subject", c.subject},
          {"statusRaw", c.statusRaw},
          {"status", c.status},
          {"categoryRaw", c.categoryRaw},
          {"category", c.category},
          {"categoryOverride",
           c.categoryOverride ? nlohmann::json(*c.categoryOverride) : nlohmann::json(nullptr)},
          {"createdAt", instant(c.createdAt)},
          {"updatedAt", instant(c.updatedAt)},
          {"firstCapturedAt", formatIso8601(c.firstCapturedAt)},
          {"lastCapturedAt", formatIso8601(c.lastCapturedAt)},
          {"pinned", c.pinned},
          {"reopenCount", c.reopenCount},
          {"snoozedUntil", instant(c.snoozedUntil)},
          {"messageCount", c.messageCount},
          {"identifiers", ids},
          {"notes", notes},
          {"messages", messages}};
}

std::string dumpJson(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace caselog::web
