// The one JSON mapping of the model and service values, shared by the host's protocol answers
// (messaging), the CLI's --json output (cli) and the history view's /api/ and JSON export (web).
//
// Field names and shapes are those of docs/PROTOCOL.md. Times are ISO 8601 UTC strings; an
// optional value that is absent is null, its key always present. Each layer adds or trims only
// what is its own: the protocol's documented subsets and frame budgets, the CLI's plain snippets,
// the history view's per-message verdicts.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"
#include "domain/assessment.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"

namespace caselog {

// An ISO 8601 string, or null.
nlohmann::json isoOrNull(const std::optional<Instant>& t);

nlohmann::json toJson(const PriorityTerm& t);  // {name, value, coefficient, contribution, explanation}
// {score (rounded to 2 decimals), label, reasons[] (one line per non-zero term), terms[]}
nlohmann::json toJson(const Priority& p);
nlohmann::json toJson(const Reminder& r);        // {caseId, subject, rule, message, dueAt}
nlohmann::json toJson(const GenericVerdict& v);  // {score, generic, reasons[]}
nlohmann::json toJson(const NextStep& s);        // {action, team, reason, draft}
nlohmann::json toJson(const Identifier& id);     // {kind, value}
nlohmann::json toJson(const Note& n);            // {id, at, text}
// {id, author, sender, sentAt, body, capturedAt, version, supersedes, current}
nlohmann::json toJson(const StoredMessage& m);
// {seq, caseId, kind, at, data, prevHash, hash}: the whole audit event, as evidence needs it.
nlohmann::json toJson(const Event& e);
// The case's scalar fields, as a list of cases shows them (a list loads no identifiers or notes).
nlohmann::json caseSummaryJson(const CaseRecord& c);
// The same with its identifiers and notes, for one whole case; never its messages (callers page
// or add them).
nlohmann::json caseJson(const CaseRecord& c);
// {caseId, subject, author, sentAt, messageId, snippet, score}; the snippet keeps its
// U+0002/U+0003 match markers.
nlohmann::json toJson(const SearchHit& h);
nlohmann::json toJson(const SearchPage& p);  // {hits[], next (cursor or null)}
// {perWeek[], recurring[], times[], rates…}; a median with no data is null.
nlohmann::json toJson(const Trends& t);
nlohmann::json toJson(const WeekCount& w);       // {weekStart, category, cases}
nlohmann::json toJson(const RecurringIssue& r);  // {category, key, kind, caseIds[], hint}
// {category, cases, medianHoursToFirstReply, medianHoursToResolution} (hours, or null)
nlohmann::json toJson(const CategoryTimes& c);
// {caseId, created, newMessages, newVersions, statusChanged, priority, reminders[]}
nlohmann::json toJson(const CaptureOutcome& o);
nlohmann::json toJson(const ListCaptureOutcome& o);  // {cases, created, updated}
nlohmann::json toJson(const VerifyReport& r);        // {ok, checked, firstBadSeq, problem, headHash}
nlohmann::json toJson(const ChainHead& h);           // {seq, hash}

template <typename T>
nlohmann::json toJsonArray(const std::vector<T>& items) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) out.push_back(toJson(item));
  return out;
}

}  // namespace caselog
