// The case store: everything CaseLog keeps, behind one interface. openSqliteStore() gives the
// local SQLite implementation; team mode will add a PostgreSQL one behind the same interface.
//
// Rules every implementation keeps (DESIGN.md "Storage"):
//  - Messages are immutable once stored. An edited re-capture is a new row whose `supersedes`
//    names the old one; the old row only loses its `current` flag.
//  - Events are append-only and hash-chained (storage/audit.hpp); appendEvent computes the chain.
//  - Writes happen inside transaction(fn): one durable commit for the whole fn, retried from the
//    start when another process holds the write lock. Calls made inside fn (on the same thread)
//    join that transaction; a nested transaction() call also joins it.
//  - Safe for concurrent use from several threads (one connection per thread, WAL: readers run
//    beside the writer) and from several processes on one file.
// Every failure is a caselog::Error: not_found for an unknown case, storage for the rest.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "core/time.hpp"
#include "domain/assessment.hpp"
#include "domain/trends.hpp"
#include "service/case_service.hpp"

namespace caselog {

// When a case's derived state must be looked at again, saved at every reassess.
struct AssessmentSchedule {
  std::optional<Instant> nextReminderDue;  // nullopt: no reminder can come due unless the case changes
  std::optional<Instant> reassessAfter;    // nullopt: nothing in it moves with time (a closed case)
};

// What the reminder rules remember per (case, rule): a rule fires once per case version, and a
// dismissal holds until the case changes (its version moves on) or is snoozed.
struct ReminderState {
  std::string rule;
  std::int64_t caseVersion = 0;  // Store::caseVersion() when it fired / was dismissed
  std::optional<Instant> firedAt;
  std::optional<Instant> dismissedAt;
};

// One Amazon message's generic-reply verdict and band hashes, as Store::saveGenericVerdicts takes them.
struct ReplyVerdict {
  std::int64_t messageId = 0;
  GenericVerdict verdict;
  std::vector<std::uint64_t> bands;
};

class Store {
 public:
  virtual ~Store() = default;

  // ---- transactions ----
  // Runs fn in one write transaction (BEGIN IMMEDIATE; retried from the start on SQLITE_BUSY;
  // committed with synchronous=FULL, so when this returns the data is on disk). An exception
  // from fn rolls everything back and propagates. Nested calls join the outer transaction.
  virtual void transaction(const std::function<void()>& fn) = 0;
  // Runs fn inside the open write transaction (a new one when none is open) as a part that can
  // fail alone: an exception from fn undoes fn's writes only and propagates; the writes made
  // before it in the transaction stay, to be committed with it.
  virtual void savepoint(const std::function<void()>& fn) = 0;
  // Called by a bulk job (import, a backlog of reassessments, the index merge) before each of its
  // transactions: a moment without the write lock after this store's last write, in which a
  // writer waiting for it (the host's capture while `caselog import` runs) takes it. Without it
  // the job takes the lock straight back and the other writer waits for the whole job. Sleeps
  // only what is left of that moment, so a caller need not know where its job's calls begin.
  virtual void pauseForWriters() = 0;
  // transaction(), if the write lock is free now: when another connection holds it, returns false
  // at once with nothing run. For background work that can as well be done later, and should not
  // hold up (or be held up by) the writer that has the lock, e.g. an import.
  virtual bool transactionIfUnlocked(const std::function<void()>& fn) = 0;

  // ---- cases ----
  // Identifiers and notes are always filled; messages (current versions only, oldest first:
  // by sentAt, then capture order) only when withMessages.
  virtual std::optional<CaseRecord> findCase(const std::string& caseId, bool withMessages) = 0;
  // Inserts or replaces the case row: every scalar field of c (not messages, identifiers, notes;
  // messageCount is maintained by appendMessages). Returns true when the case is new.
  // A change of status or snoozedUntil moves the case version on.
  virtual bool upsertCase(const CaseRecord& c) = 0;
  // Summaries (no messages) matching the filter, with their stored priorities. sort "priority"
  // uses the stored score (savePriority); cases never scored sort last.
  virtual CaseList listCases(const CaseFilter& filter) = 0;
  // Every case ID, or only those not resolved/closed, for batch work (export, demo).
  virtual std::vector<std::string> caseIds(bool openOnly) = 0;
  // A counter that moves on whenever a case's content changes (new message, status, snooze).
  virtual std::int64_t caseVersion(const std::string& caseId) = 0;

  // ---- messages ----
  // Every stored version of the case's messages, superseded ones included, oldest first.
  virtual std::vector<StoredMessage> messageVersions(const std::string& caseId) = 0;
  // Stores new messages in order (m.id is ignored; returns the new ids). When m.supersedes is
  // set, the old row is marked not current and the new row gets version old+1. Indexed for search.
  virtual std::vector<std::int64_t> appendMessages(const std::string& caseId,
                                                   const std::vector<StoredMessage>& messages) = 0;

  // ---- identifiers and notes ----
  // Adds those not yet stored for the case (kind+value); returns how many were new.
  virtual int addIdentifiers(const std::string& caseId, const std::vector<Identifier>& ids) = 0;
  virtual Note addNote(const std::string& caseId, Instant at, const std::string& text) = 0;

  // ---- audit events ----
  // Appends one event with the next seq, prevHash = the current head's hash, hash per
  // storage/audit.hpp. caseId may be empty. Returns the stored event.
  virtual Event appendEvent(const std::string& caseId, const std::string& kind, Instant at,
                            nlohmann::json data) = 0;
  virtual std::vector<Event> events(const std::string& caseId) = 0;  // oldest first
  virtual std::vector<Event> allEvents() = 0;                        // oldest first
  virtual ChainHead chainHead() = 0;
  // Recomputes the chain and every message content hash it covers; names the first bad event.
  virtual VerifyReport verify() = 0;

  // ---- search ----
  // Full-text search over subjects, message bodies and notes (see storage/search.hpp for the
  // plan and what the ranking means). Any text is a valid query; query.limit is clamped to 1..50.
  virtual SearchPage search(const SearchQuery& query) = 0;

  // ---- case intelligence (service/intelligence.cpp) ----
  virtual void savePriority(const std::string& caseId, const Priority& p) = 0;
  virtual std::optional<Priority> storedPriority(const std::string& caseId) = 0;
  // Per Amazon message of one case: its generic-reply verdict (replacing one saved before) and its
  // LSH band hashes (replyBands()), which are kept per case: "this case received a text with these
  // bands". Each message must belong to the case (not_found otherwise, naming it; nothing saved).
  virtual void saveGenericVerdicts(const std::string& caseId, const std::vector<ReplyVerdict>& replies) = 0;
  // Stored verdicts of the case's messages, keyed by message id (messages never assessed are absent).
  virtual std::map<std::int64_t, GenericVerdict> genericVerdicts(const std::string& caseId) = 0;
  // How many distinct cases other than exceptCaseId hold a message sharing any of these bands,
  // counted up to kMaxSharingCases (the answer saturates there, which keeps it cheap).
  virtual int casesSharingBands(const std::vector<std::uint64_t>& bands, const std::string& exceptCaseId) = 0;
  virtual void saveSchedule(const std::string& caseId, const AssessmentSchedule& schedule) = 0;
  // Cases that may have a reminder due at `now`: those whose saved instant has passed, and those
  // never saved. Indexed: the cost follows the answer, not the number of cases.
  virtual std::vector<std::string> reminderCandidates(Instant now) = 0;
  // Up to `limit` cases whose reassessAfter has passed at `now`, the longest overdue first. Indexed.
  virtual std::vector<std::string> reassessmentsDue(Instant now, std::size_t limit) = 0;
  virtual std::vector<ReminderState> reminderStates(const std::string& caseId) = 0;
  virtual void recordReminderFired(const std::string& caseId, const std::string& rule,
                                   std::int64_t caseVersion, Instant at) = 0;
  virtual void recordReminderDismissed(const std::string& caseId, const std::string& rule,
                                       std::int64_t caseVersion, Instant at) = 0;

  // ---- trends (storage/sqlite_trends.cpp) ----
  // Every case, in caseIds() order, as trends need it (domain/trends.hpp TrendCase): the case's own
  // fields and facts about its current Amazon replies and their stored generic verdicts, read in
  // sequential scans without message bodies. category is the stored one (may be empty);
  // firstMessageAt, lastMessageAt and identifiers are left empty. A current Amazon reply without a
  // stored verdict counts as unassessedReplies.
  virtual std::vector<TrendCase> trendCases() = 0;
  // The earliest and latest current message of each named case, parallel to caseIds.
  virtual std::vector<MessageSpan> messageSpans(const std::vector<std::string>& caseIds) = 0;
  // The identifiers of each named case (ordered by kind, value), parallel to caseIds; an unknown
  // case gets none.
  virtual std::vector<std::vector<Identifier>> identifiersOf(const std::vector<std::string>& caseIds) = 0;

  // ---- housekeeping ----
  // Cheap, cross-process: moves on with every committed write transaction that changed a row
  // (any process).
  // The history view keys its page cache on it.
  virtual std::int64_t changeCounter() = 0;
  virtual std::string path() const = 0;
  // After a bulk write (an import) that added `addedMessages` messages: when they are a tenth or
  // more of all messages, merges each full-text index toward one segment (a bounded number of steps:
  // captures made meanwhile may leave a few), in short transactions
  // that let other writers in between (a running host's captures). Otherwise the large
  // segments an import leaves at the index's lower levels are merged later, megabytes at a time,
  // inside the commits of ordinary captures (measured after importing 5,000 cases: capture p99
  // 24-68 ms, 7 ms after merging). A small import into a large file is left alone: the merge
  // rewrites the whole index.
  virtual void optimizeSearchIndex(std::int64_t addedMessages) = 0;
};

// Opens (creating when missing: parent folder 0700, file 0600) and migrates the SQLite store at
// path. Before migrating an existing file to a newer schema it writes a backup copy
// "<path>.bak-v<old version>". Throws caselog::Error(storage) with the reason.
std::unique_ptr<Store> openSqliteStore(const std::string& path);

}  // namespace caselog
