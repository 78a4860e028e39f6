// SqliteStore: what the case-intelligence layer remembers — stored priorities, generic-reply
// verdicts with their LSH bands, and reminder firing/dismissal state.
#include <algorithm>
#include <cstring>
#include <string>

#include "core/error.hpp"
#include "core/json_text.hpp"
#include "domain/generic_reply.hpp"
#include "storage/sqlite_store.hpp"

namespace caselog {

using sqlite::Db;
using sqlite::Stmt;

namespace {

nlohmann::json termsToJson(const std::vector<PriorityTerm>& terms) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& t : terms)
    out.push_back({{"name", t.name},
                   {"value", t.value},
                   {"coefficient", t.coefficient},
                   {"contribution", t.contribution},
                   {"explanation", t.explanation}});
  return out;
}

// Band hashes are unsigned 64-bit; SQLite integers are signed. Stored bit for bit.
std::int64_t asSigned(std::uint64_t v) {
  std::int64_t s;
  std::memcpy(&s, &v, sizeof s);
  return s;
}

// compactJson(reasons), written directly when every reason is printable ASCII (the rules'
// reasons usually are: only '"' and '\\' need escaping then).
std::string reasonsJson(const std::vector<std::string>& reasons) {
  std::string out = "[";
  for (const auto& reason : reasons) {
    if (std::any_of(reason.begin(), reason.end(), [](char ch) { return ch < 0x20 || ch > 0x7e; }))
      return compactJson(nlohmann::json(reasons));  // a quoted reply text may be invalid UTF-8
    out += out.size() > 1 ? ",\"" : "\"";
    for (const char ch : reason) {
      if (ch == '"' || ch == '\\') out += '\\';
      out += ch;
    }
    out += '"';
  }
  return out + "]";
}

// "[1,-2,3]": a list of band hashes bound as one parameter, read back with json_each().
std::string jsonArray(const std::vector<std::int64_t>& values) {
  std::string out = "[";
  for (std::size_t i = 0; i < values.size(); ++i) (out += i ? "," : "") += std::to_string(values[i]);
  return out + "]";
}

}  // namespace

namespace sqlite {

Priority priorityFromColumns(double score, const std::string& label, const std::string& termsJson) {
  Priority p;
  p.score = score;
  p.label = label.empty() ? "P4" : label;
  const auto terms = nlohmann::json::parse(termsJson, nullptr, false);
  if (!terms.is_array()) return p;
  for (const auto& t : terms) {
    if (!t.is_object()) continue;
    p.terms.push_back({t.value("name", ""), t.value("value", 0.0), t.value("coefficient", 0.0),
                       t.value("contribution", 0.0), t.value("explanation", "")});
  }
  return p;
}

}  // namespace sqlite

void SqliteStore::savePriority(const std::string& caseId, const Priority& p) {
  write([&](Db& db) {
    Stmt st(
        db,
        "UPDATE cases SET priority_score = ?2, priority_label = ?3, priority_terms = ?4 WHERE case_id = ?1");
    st.bind(1, caseId).bind(2, p.score).bind(3, p.label).bind(4, termsToJson(p.terms).dump()).run();
    if (db.changes() == 0) throw Error(ErrorCode::not_found, "no case " + caseId);
  });
}

std::optional<Priority> SqliteStore::storedPriority(const std::string& caseId) {
  return read([&](Db& db) -> std::optional<Priority> {
    Stmt st(db, "SELECT priority_score, priority_label, priority_terms FROM cases WHERE case_id = ?1");
    st.bind(1, caseId);
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return sqlite::priorityFromColumns(st.real(0), st.text(1), st.text(2));
  });
}

void SqliteStore::saveGenericVerdicts(const std::string& caseId, const std::vector<ReplyVerdict>& replies) {
  if (replies.empty()) return;
  write([&](Db& db) {
    // The insert reads the message row itself: nothing is written for a message of another case.
    Stmt save(db,
              "INSERT OR REPLACE INTO generic_verdicts(message_id, score, generic, reasons) "
              "SELECT id, ?2, ?3, ?4 FROM messages WHERE id = ?1 AND case_id = ?5");
    std::vector<std::int64_t> bands;
    for (const auto& r : replies) {
      save.bind(1, r.messageId).bind(2, r.verdict.score).bind(3, r.verdict.generic ? 1 : 0);
      save.bind(4, reasonsJson(r.verdict.reasons)).bind(5, caseId).run();
      if (db.changes() == 0)
        throw Error(ErrorCode::not_found, "no message " + std::to_string(r.messageId) + " in case " + caseId);
      save.reset();
      for (auto band : r.bands) bands.push_back(asSigned(band));
    }
    // Bands are kept per (band, case): one row each, however many of the case's replies share it.
    // And a band is kept for its first kMaxSharingCases + 1 cases only: casesSharingBands reads no
    // more than that many rows of a band, and a band that has them counts the cap whichever case
    // asks (at least kMaxSharingCases of them are other cases). Its answers are the same as with
    // every row, while a template Amazon sends to thousands of cases costs 11 rows instead of one
    // per case (measured on the import benchmark: 48k rows instead of 679k), and once its bands
    // are known full (storage/full_bands.hpp) nothing is looked up for them either.
    // Each step runs one statement for all the bands (the list bound as a JSON array): the cost of
    // a statement run is paid once per case rather than once per band.
    std::sort(bands.begin(), bands.end());
    bands.erase(std::unique(bands.begin(), bands.end()), bands.end());
    fullBands_.dropKnown(bands);
    if (bands.empty()) return;
    static_assert(kMaxSharingCases + 1 == 11, "the LIMIT below");
    Stmt rows(db,
              "SELECT b.value, (SELECT count(*) FROM (SELECT 1 FROM reply_bands WHERE band = b.value LIMIT 11)) "
              "FROM json_each(?1) AS b");
    rows.bind(1, jsonArray(bands));
    std::vector<std::int64_t> open;
    while (rows.step()) {
      if (rows.int64(1) == kMaxSharingCases + 1)
        sawFullBand(rows.int64(0));
      else
        open.push_back(rows.int64(0));
    }
    if (open.empty()) return;
    Stmt(db, "INSERT OR IGNORE INTO reply_bands(band, case_id) SELECT value, ?2 FROM json_each(?1)")
        .bind(1, jsonArray(open))
        .bind(2, caseId)
        .run();
  });
}

std::map<std::int64_t, GenericVerdict> SqliteStore::genericVerdicts(const std::string& caseId) {
  return read([&](Db& db) {
    Stmt st(db,
            "SELECT v.message_id, v.score, v.generic, v.reasons FROM generic_verdicts v "
            "JOIN messages m ON m.id = v.message_id WHERE m.case_id = ?1");
    st.bind(1, caseId);
    std::map<std::int64_t, GenericVerdict> out;
    while (st.step()) {
      GenericVerdict v;
      v.score = st.real(1);
      v.generic = st.int64(2) != 0;
      const auto reasons = nlohmann::json::parse(st.text(3), nullptr, false);
      if (reasons.is_array())
        for (const auto& r : reasons)
          if (r.is_string()) v.reasons.push_back(r.get<std::string>());
      out.emplace(st.int64(0), std::move(v));
    }
    return out;
  });
}

int SqliteStore::casesSharingBands(const std::vector<std::uint64_t>& bands, const std::string& exceptCaseId) {
  if (bands.empty()) return 0;
  std::vector<std::int64_t> keys(bands.size());
  std::transform(bands.begin(), bands.end(), keys.begin(), asSigned);
  // A full band (storage/full_bands.hpp) holds at least kMaxSharingCases other cases.
  if (fullBands_.containsAny(keys)) return kMaxSharingCases;
  return read([&](Db& db) {
    // One index seek per band, stopping at kMaxSharingCases distinct cases: a template sent to
    // 100,000 cases is answered by the first band, as cheaply as a text nobody else received.
    // A band has one row per case, so kMaxSharingCases + 1 rows hold kMaxSharingCases other
    // cases when there are that many; the case itself is left out here rather than in SQL (one
    // value less to bind per band). (Measured: one statement for all the bands, "band IN (…)",
    // costs twice as much here, where most lookups stop at the first band; saveGenericVerdicts,
    // which must look at every band, runs one statement over a JSON list instead.)
    static_assert(kMaxSharingCases + 1 == 11, "the LIMIT below");
    std::vector<std::string> cases;  // distinct; a dozen at most
    Stmt st(db, "SELECT case_id FROM reply_bands WHERE band = ?1 LIMIT 11");
    for (auto band : keys) {
      st.bind(1, band);
      int rows = 0;
      while (st.step()) {
        ++rows;
        std::string caseId = st.text(0);
        if (caseId != exceptCaseId && std::find(cases.begin(), cases.end(), caseId) == cases.end())
          cases.push_back(std::move(caseId));
      }
      st.reset();
      if (rows == kMaxSharingCases + 1) sawFullBand(band);
      if (cases.size() >= static_cast<std::size_t>(kMaxSharingCases)) break;
    }
    return static_cast<int>(std::min(cases.size(), static_cast<std::size_t>(kMaxSharingCases)));
  });
}

void SqliteStore::saveSchedule(const std::string& caseId, const AssessmentSchedule& schedule) {
  write([&](Db& db) {
    Stmt st(db,
            "INSERT INTO reminder_schedule(case_id, next_due_at, reassess_after) VALUES (?1, ?2, ?3) "
            "ON CONFLICT(case_id) DO UPDATE SET next_due_at = excluded.next_due_at, "
            "reassess_after = excluded.reassess_after");
    st.bind(1, caseId).bind(2, sqlite::seconds(schedule.nextReminderDue));
    st.bind(3, sqlite::seconds(schedule.reassessAfter));
    st.run();
  });
}

std::vector<std::string> SqliteStore::reassessmentsDue(Instant now, std::size_t limit) {
  return read([&](Db& db) {
    Stmt st(db,
            "SELECT case_id FROM reminder_schedule WHERE reassess_after <= ?1 "
            "ORDER BY reassess_after LIMIT ?2");
    st.bind(1, sqlite::seconds(now)).bind(2, static_cast<std::int64_t>(limit));
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
  });
}

std::vector<std::string> SqliteStore::reminderCandidates(Instant now) {
  return read([&](Db& db) {
    Stmt st(db,
            "SELECT case_id FROM reminder_schedule WHERE next_due_at <= ?1 "
            "UNION ALL SELECT case_id FROM cases c "
            "WHERE NOT EXISTS (SELECT 1 FROM reminder_schedule s WHERE s.case_id = c.case_id)");
    st.bind(1, sqlite::seconds(now));
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.text(0));
    return out;
  });
}

std::vector<ReminderState> SqliteStore::reminderStates(const std::string& caseId) {
  return read([&](Db& db) {
    Stmt st(db,
            "SELECT rule, case_version, fired_at, dismissed_at FROM reminder_state WHERE case_id = ?1 ORDER "
            "BY rule");
    st.bind(1, caseId);
    std::vector<ReminderState> out;
    while (st.step())
      out.push_back({st.text(0), st.int64(1), sqlite::optInstant(st, 2), sqlite::optInstant(st, 3)});
    return out;
  });
}

void SqliteStore::recordReminderFired(const std::string& caseId, const std::string& rule,
                                      std::int64_t caseVersion, Instant at) {
  write([&](Db& db) {
    sqlite::requireCase(db, caseId);
    Stmt(db,
         "INSERT INTO reminder_state(case_id, rule, case_version, fired_at, dismissed_at) "
         "VALUES (?1, ?2, ?3, ?4, NULL) ON CONFLICT(case_id, rule) DO UPDATE SET "
         "case_version = excluded.case_version, fired_at = excluded.fired_at, "
         "dismissed_at = CASE WHEN case_version = excluded.case_version THEN dismissed_at END")
        .bind(1, caseId)
        .bind(2, rule)
        .bind(3, caseVersion)
        .bind(4, sqlite::seconds(at))
        .run();
  });
}

void SqliteStore::recordReminderDismissed(const std::string& caseId, const std::string& rule,
                                          std::int64_t caseVersion, Instant at) {
  write([&](Db& db) {
    sqlite::requireCase(db, caseId);
    Stmt(db,
         "INSERT INTO reminder_state(case_id, rule, case_version, fired_at, dismissed_at) "
         "VALUES (?1, ?2, ?3, NULL, ?4) ON CONFLICT(case_id, rule) DO UPDATE SET "
         "case_version = excluded.case_version, dismissed_at = excluded.dismissed_at, "
         "fired_at = CASE WHEN case_version = excluded.case_version THEN fired_at END")
        .bind(1, caseId)
        .bind(2, rule)
        .bind(3, caseVersion)
        .bind(4, sqlite::seconds(at))
        .run();
  });
}

}  // namespace caselog
