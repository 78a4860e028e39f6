#include "service/json.hpp"

#include <cmath>
#include <cstdio>

namespace caselog {

using nlohmann::json;

namespace {

// "+4.5", "-3.0": a term's contribution as the priority reasons show it.
std::string signedAmount(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%+.1f", x);
  return buf;
}

template <typename T>
json valueOrNull(const std::optional<T>& v) {
  return v ? json(*v) : json(nullptr);
}

// Trends keep -1 for "no data"; JSON says null.
json hoursOrNull(double hours) {
  return hours < 0 ? json(nullptr) : json(hours);
}

}  // namespace

json isoOrNull(const std::optional<Instant>& t) {
  return t ? json(formatIso8601(*t)) : json(nullptr);
}

json toJson(const PriorityTerm& t) {
  return {{"name", t.name},
          {"value", t.value},
          {"coefficient", t.coefficient},
          {"contribution", t.contribution},
          {"explanation", t.explanation}};
}

json toJson(const WeekCount& w) {
  return {{"weekStart", w.weekStart}, {"category", w.category}, {"cases", w.cases}};
}

json toJson(const RecurringIssue& r) {
  return {
      {"category", r.category}, {"key", r.key}, {"kind", r.kind}, {"caseIds", r.caseIds}, {"hint", r.hint}};
}

json toJson(const CategoryTimes& c) {
  return {{"category", c.category},
          {"cases", c.cases},
          {"medianHoursToFirstReply", hoursOrNull(c.medianHoursToFirstReply)},
          {"medianHoursToResolution", hoursOrNull(c.medianHoursToResolution)}};
}

json toJson(const Priority& p) {
  json reasons = json::array();
  for (const auto& t : p.terms)
    if (t.contribution != 0) reasons.push_back(t.explanation + " " + signedAmount(t.contribution));
  return {{"score", std::round(p.score * 100) / 100},
          {"label", p.label},
          {"reasons", reasons},
          {"terms", toJsonArray(p.terms)}};
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

json toJson(const Identifier& id) {
  return {{"kind", id.kind}, {"value", id.value}};
}

json toJson(const Note& n) {
  return {{"id", n.id}, {"at", formatIso8601(n.at)}, {"text", n.text}};
}

json toJson(const StoredMessage& m) {
  return {{"id", m.id},           {"author", m.author},
          {"sender", m.sender},   {"sentAt", isoOrNull(m.sentAt)},
          {"body", m.body},       {"capturedAt", formatIso8601(m.capturedAt)},
          {"version", m.version}, {"supersedes", valueOrNull(m.supersedes)},
          {"current", m.current}};
}

json toJson(const Event& e) {
  return {{"seq", e.seq},   {"caseId", e.caseId},     {"kind", e.kind}, {"at", formatIso8601(e.at)},
          {"data", e.data}, {"prevHash", e.prevHash}, {"hash", e.hash}};
}

json caseSummaryJson(const CaseRecord& c) {
  return {{"caseId", c.caseId},
          {"marketplace", c.marketplace},
          {"subject", c.subject},
          {"status", c.status},
          {"statusRaw", c.statusRaw},
          {"category", c.category},
          {"categoryRaw", c.categoryRaw},
          {"categoryOverride", valueOrNull(c.categoryOverride)},
          {"createdAt", isoOrNull(c.createdAt)},
          {"updatedAt", isoOrNull(c.updatedAt)},
          {"firstCapturedAt", formatIso8601(c.firstCapturedAt)},
          {"lastCapturedAt", formatIso8601(c.lastCapturedAt)},
          {"pinned", c.pinned},
          {"reopenCount", c.reopenCount},
          {"snoozedUntil", isoOrNull(c.snoozedUntil)},
          {"messageCount", c.messageCount}};
}

json caseJson(const CaseRecord& c) {
  json j = caseSummaryJson(c);
  j["identifiers"] = toJsonArray(c.identifiers);
  j["notes"] = toJsonArray(c.notes);
  return j;
}

json toJson(const SearchHit& h) {
  return {{"caseId", h.caseId},       {"subject", h.subject},
          {"author", h.author},       {"sentAt", isoOrNull(h.sentAt)},
          {"messageId", h.messageId}, {"snippet", h.snippet},
          {"score", h.score}};
}

json toJson(const SearchPage& p) {
  return {{"hits", toJsonArray(p.hits)}, {"next", valueOrNull(p.next)}};
}

json toJson(const Trends& t) {
  return {{"perWeek", toJsonArray(t.perWeek)},
          {"recurring", toJsonArray(t.recurring)},
          {"times", toJsonArray(t.times)},
          {"amazonReplies", t.amazonReplies},
          {"genericReplies", t.genericReplies},
          {"unassessedReplies", t.unassessedReplies},
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

json toJson(const ListCaptureOutcome& o) {
  return {{"cases", o.cases}, {"created", o.created}, {"updated", o.updated}};
}

json toJson(const VerifyReport& r) {
  return {{"ok", r.ok},
          {"checked", r.checked},
          {"firstBadSeq", valueOrNull(r.firstBadSeq)},
          {"problem", r.problem},
          {"headHash", r.headHash}};
}

json toJson(const ChainHead& h) {
  return {{"seq", h.seq}, {"hash", h.hash}};
}

}  // namespace caselog
