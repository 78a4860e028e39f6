// The use cases shared by the host (messaging), the CLI and the history view (web).
// Thin: it validates, calls the store and the domain rules, and returns plain values.
// Every failure is a caselog::Error with a protocol error code.
//
// The implementation is split by concern: capture.cpp (capture, capture_list, import),
// queries.cpp (cases, events, search, verify), actions.cpp (note, snooze, category, pin),
// intelligence.cpp (priority, reminders, generic replies, next step, trends — issue 3).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"
#include "domain/assessment.hpp"

namespace caselog {

class Store;   // storage/store.hpp
struct Config;  // domain/config.hpp
struct Trends;  // domain/trends.hpp (issue 3)

struct CaptureOutcome {
  std::string caseId;
  bool created = false;
  int newMessages = 0;    // messages not seen before
  int newVersions = 0;    // edited re-captures stored as new versions
  bool statusChanged = false;
  Priority priority;                 // filled once issue 3 lands
  std::vector<Reminder> reminders;   // reminders this case has due now
};

struct ListCaptureOutcome {
  int cases = 0;
  int created = 0;
  int updated = 0;
};

struct ImportProgress {
  std::size_t done = 0;
  std::size_t total = 0;  // 0 when unknown
};

struct ImportOutcome {
  std::size_t snapshots = 0;
  std::size_t created = 0;
  std::size_t newMessages = 0;
  std::size_t failed = 0;
  std::vector<std::string> errors;  // "line 12: missing caseId", at most a few dozen kept
  // Set when a storage error that every later write would meet too (StorageUnavailable: a full
  // disk, a lock held too long) stopped the import: the snapshots from index `handled` on were
  // not stored; each one before it is stored or counted in `failed` (so may be one after it that
  // failed validation in the batch that stopped).
  std::optional<std::string> stopped;
  std::size_t handled = 0;
};

struct SearchQuery {
  std::string text;  // anything a user types; malformed FTS syntax falls back to plain terms
  int limit = 20;    // 1..50
  std::optional<std::string> cursor;  // opaque, from SearchPage::next
  std::optional<std::string> author;  // "amazon" | "seller"
  std::optional<std::string> caseId;
  std::optional<std::string> status;    // normalized status
  std::optional<std::string> category;  // normalized category
  std::optional<Instant> from;
  std::optional<Instant> to;
};

struct SearchHit {
  std::string caseId;
  std::string subject;
  std::string author;  // "amazon" | "seller" | "note" | "subject"
  std::optional<Instant> sentAt;
  std::int64_t messageId = 0;  // 0 for a subject or note hit
  std::string snippet;  // match marked with \x02 … \x03 (start/end); callers render or escape
  double score = 0;     // higher is better
};

struct SearchPage {
  std::vector<SearchHit> hits;
  std::optional<std::string> next;  // cursor for the next page
};

struct CaseFilter {
  std::optional<std::string> status;
  std::optional<std::string> category;
  std::optional<std::string> marketplace;
  std::optional<Instant> from;  // updatedAt >= from
  std::optional<Instant> to;    // updatedAt < to
  std::string sort = "priority";  // "priority" | "updated" | "created"
  int limit = 50;
  int offset = 0;
};

struct CaseList {
  std::vector<CaseRecord> cases;  // without messages
  std::vector<Priority> priorities;  // parallel to cases
  std::size_t total = 0;             // matching the filter, before limit/offset
};

struct VerifyReport {
  bool ok = true;
  std::int64_t checked = 0;
  std::optional<std::int64_t> firstBadSeq;
  std::string problem;  // "hash mismatch", "prev_hash does not link", "message 12 changed"
  std::string headHash;
};

struct ChainHead {
  std::int64_t seq = 0;
  std::string hash;
};

class CaseService {
 public:
  CaseService(Store& store, const Config& config, Clock clock);
  ~CaseService();

  // capture.cpp
  CaptureOutcome capture(const CaseSnapshot& snapshot, const CaptureSource& source);
  ListCaptureOutcome captureList(const std::vector<CaseListEntry>& entries, const CaptureSource& source);
  // Many snapshots in few transactions (caselog import). Bad entries are counted, not fatal; a
  // StorageUnavailable (full disk, lock held too long) stops it: see ImportOutcome::stopped.
  // The cases are stored and marked for assessment, not assessed: call finishImport() after.
  ImportOutcome importSnapshots(const std::vector<CaseSnapshot>& snapshots, const CaptureSource& source,
                                const std::function<void(const ImportProgress&)>& progress = {});
  // After the importSnapshots() calls of one import that stored `newMessages` messages: the search
  // index is merged when the import was large (Store::optimizeSearchIndex), then the imported
  // cases are assessed (reassessOverdue, with its progress). Returns the cases assessed.
  std::size_t finishImport(std::size_t newMessages, const std::function<void(std::size_t done)>& progress = {});

  // queries.cpp
  std::optional<CaseRecord> findCase(const std::string& caseId, bool withMessages = true);
  CaseRecord getCase(const std::string& caseId);  // throws not_found
  CaseList listCases(const CaseFilter& filter);
  std::vector<Event> events(const std::string& caseId);  // oldest first
  std::vector<Event> allEvents();
  SearchPage search(const SearchQuery& query);
  VerifyReport verify();
  ChainHead chainHead();

  // actions.cpp — each is an audit event
  Note addNote(const std::string& caseId, const std::string& text);
  void snooze(const std::string& caseId, Instant until);
  void setCategory(const std::string& caseId, const std::string& category);
  void setPinned(const std::string& caseId, bool pinned);

  // intelligence.cpp (issue 3)
  // Recompute and store a case's priority (and generic verdicts of new Amazon replies) after any
  // change; fills outcome->priority and outcome->reminders when given. capture() and the actions call it.
  void reassess(const std::string& caseId, CaptureOutcome* outcome = nullptr);
  // The cases whose assessment is older than its refresh time (6 h for an open case), up to
  // `limit`, the longest overdue first; returns how many.
  std::size_t reassessDue(std::size_t limit);
  // The same for the host's timer, in slices so that 100,000 open cases never hold up a capture,
  // and only if the write lock is free: while another connection holds it
  // (an import, which assesses its cases itself) nothing is done and nothing returned, to be
  // tried again later. Otherwise the host and the import would take turns and each reload its
  // page cache at every turn (an import of 5,000 cases beside a running host: 4.5 s to 20 s).
  std::optional<std::size_t> reassessDueIfUnlocked(std::size_t limit);
  // reassessDue() in batches until nothing is overdue (after an import); progress gets the count
  // done so far. Returns the count.
  std::size_t reassessOverdue(const std::function<void(std::size_t done)>& progress = {});
  // The same before `caselog list` and `due` show stored priorities, which the time since a
  // case's last message changes: without a host running, nothing else refreshes them. Never waits
  // for the write lock: nullopt when another program holds it (a running host refreshes them
  // itself, an import assesses its own cases) or the file cannot be written (read-only, a full
  // disk), or the clock is set ahead of the real one (a what-if): the stored ones stand.
  std::optional<std::size_t> reassessOverdueIfWritable();
  // One slice of it, up to `limit` cases (`caselog serve`, between the view's requests).
  std::optional<std::size_t> refreshDueIfWritable(std::size_t limit);
  Priority priority(const CaseRecord& c);
  std::vector<Reminder> due();                   // everything due now, highest priority first
  // The due reminders not fired yet for the case's current version, each recorded as fired (an
  // audit event): of every case, or of one (after a capture of it, the only case that changed).
  // For the host, which must not stop serving meanwhile, it never waits for the write lock: while
  // another program holds it (an import, `sqlite3` with a transaction open), nullopt, and the
  // reminders stay due for a later try.
  std::optional<std::vector<Reminder>> fireDueReminders(const std::optional<std::string>& caseId = std::nullopt);
  // One case's reminders due now (less those dismissed for its current version); loads the
  // messages when c has none. For `caselog show`, the case page and a capture's ack.
  std::vector<Reminder> remindersFor(const CaseRecord& c);
  void dismissReminder(const std::string& caseId, const std::string& rule);
  std::vector<GenericVerdict> genericVerdicts(const CaseRecord& c);  // parallel to c.messages
  NextStep nextStep(const CaseRecord& c);
  Trends trends();                               // caselog stats, /trends

  Instant now() const { return clock_(); }
  Store& store() { return store_; }
  const Config& config() const { return config_; }

 private:
  void assessEach(const std::vector<std::string>& caseIds);  // inside the caller's transaction
  // reassessDue (waiting for the write lock) and reassessDueIfUnlocked (not waiting: nullopt).
  std::optional<std::size_t> reassessDueWaiting(std::size_t limit, bool waitForLock);

  Store& store_;
  const Config& config_;
  Clock clock_;
};

}  // namespace caselog
