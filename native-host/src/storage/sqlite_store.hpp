// The SQLite implementation of Store. Internal to the storage layer: others use store.hpp.
//
// Concurrency: every thread gets its own connection (taken from a pool for the length of a call
// or of a transaction). WAL lets readers run beside the one writer; writers in any process
// serialize on BEGIN IMMEDIATE, waiting for the lock (sqlite::Db, kLockWait), and a transaction
// that still meets SQLITE_BUSY is rolled back and run again from the start, for kLockWait in all. WAL checkpoints run on a thread of
// the store's own (storage/checkpointer.hpp), not inside a commit.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "storage/checkpointer.hpp"
#include "storage/fts_index.hpp"
#include "storage/full_bands.hpp"
#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"

namespace caselog {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(std::string path);
  ~SqliteStore() override;

  void transaction(const std::function<void()>& fn) override;
  void savepoint(const std::function<void()>& fn) override;
  bool transactionIfUnlocked(const std::function<void()>& fn) override;
  void pauseForWriters() override;

  std::optional<CaseRecord> findCase(const std::string& caseId, bool withMessages) override;
  bool upsertCase(const CaseRecord& c) override;
  CaseList listCases(const CaseFilter& filter) override;
  std::vector<std::string> caseIds(bool openOnly) override;
  std::int64_t caseVersion(const std::string& caseId) override;

  std::vector<StoredMessage> messageVersions(const std::string& caseId) override;
  std::vector<std::int64_t> appendMessages(const std::string& caseId,
                                           const std::vector<StoredMessage>& messages) override;
  int addIdentifiers(const std::string& caseId, const std::vector<Identifier>& ids) override;
  Note addNote(const std::string& caseId, Instant at, const std::string& text) override;

  Event appendEvent(const std::string& caseId, const std::string& kind, Instant at,
                    nlohmann::json data) override;
  std::vector<Event> events(const std::string& caseId) override;
  std::vector<Event> allEvents() override;
  ChainHead chainHead() override;
  VerifyReport verify() override;

  SearchPage search(const SearchQuery& query) override;

  void savePriority(const std::string& caseId, const Priority& p) override;
  std::optional<Priority> storedPriority(const std::string& caseId) override;
  void saveGenericVerdicts(const std::string& caseId, const std::vector<ReplyVerdict>& replies) override;
  std::map<std::int64_t, GenericVerdict> genericVerdicts(const std::string& caseId) override;
  int casesSharingBands(const std::vector<std::uint64_t>& bands, const std::string& exceptCaseId) override;
  void saveSchedule(const std::string& caseId, const AssessmentSchedule& schedule) override;
  std::vector<std::string> reminderCandidates(Instant now) override;
  std::vector<std::string> reassessmentsDue(Instant now, std::size_t limit) override;
  std::vector<ReminderState> reminderStates(const std::string& caseId) override;
  void recordReminderFired(const std::string& caseId, const std::string& rule, std::int64_t caseVersion,
                           Instant at) override;
  void recordReminderDismissed(const std::string& caseId, const std::string& rule, std::int64_t caseVersion,
                               Instant at) override;

  // ---- trends (sqlite_trends.cpp) ----
  std::vector<TrendCase> trendCases() override;
  std::vector<MessageSpan> messageSpans(const std::vector<std::string>& caseIds) override;
  std::vector<std::vector<Identifier>> identifiersOf(const std::vector<std::string>& caseIds) override;

  std::int64_t changeCounter() override;
  void optimizeSearchIndex(std::int64_t addedMessages) override;
  std::string path() const override { return path_; }

 private:
  // Runs fn with this thread's connection: the one of the open transaction, or a pooled one
  // inside a read transaction (a consistent snapshot for multi-statement reads).
  template <class F>
  auto read(F&& fn) {
    return withResult(fn, [this](const std::function<void(sqlite::Db&)>& g) { readTx(g); });
  }
  // Runs fn inside a write transaction (joining the open one on this thread).
  template <class F>
  auto write(F&& fn) {
    return withResult(fn, [this](const std::function<void(sqlite::Db&)>& g) { writeTx(g); });
  }
  template <class F, class Runner>
  static auto withResult(F& fn, Runner run) {
    using R = decltype(fn(std::declval<sqlite::Db&>()));
    if constexpr (std::is_void_v<R>) {
      run([&](sqlite::Db& db) { fn(db); });
    } else {
      std::optional<R> result;
      run([&](sqlite::Db& db) { result.emplace(fn(db)); });
      return std::move(*result);
    }
  }
  void readTx(const std::function<void(sqlite::Db&)>& fn);
  bool writeTx(const std::function<void(sqlite::Db&)>& fn, std::chrono::milliseconds wait = sqlite::kLockWait);
  bool runTx(const char* begin, const std::function<void(sqlite::Db&)>& fn,
             std::chrono::milliseconds wait = sqlite::kLockWait);

  std::unique_ptr<sqlite::Db> takeConnection(std::chrono::steady_clock::time_point deadline);
  void giveBack(std::unique_ptr<sqlite::Db> db);
  sqlite::Db* activeConnection() const;
  // The open write transaction's queued full-text index writes (storage/fts_index.hpp).
  sqlite::fts::Pending& ftsPending() const;
  // Notes a near-duplicate band the open transaction saw full, for fullBands_ after its COMMIT.
  void sawFullBand(std::int64_t band) const;

  std::string path_;
  sqlite::Db::Access access_;  // read_write, unless the file cannot be written (accessFor)
  sqlite::Checkpointer checkpointer_;  // outlives the pooled connections, whose hooks point to it
  std::mutex poolMutex_;
  std::vector<std::unique_ptr<sqlite::Db>> pool_;
  sqlite::FullBands fullBands_;
  // When this store's last write transaction committed (steady clock ticks): pauseForWriters
  // sleeps only the rest of the gap after it.
  std::atomic<std::chrono::steady_clock::rep> lastWriteEnd_{0};
};

// ---- helpers shared by the sqlite_*.cpp files ----
namespace sqlite {

inline std::int64_t seconds(Instant t) {
  return t.time_since_epoch().count();
}
inline Instant instant(std::int64_t s) {
  return Instant{std::chrono::seconds{s}};
}
inline std::optional<std::int64_t> seconds(const std::optional<Instant>& t) {
  return t ? std::optional<std::int64_t>(seconds(*t)) : std::nullopt;
}
inline std::optional<Instant> optInstant(const Stmt& st, int col) {
  auto v = st.optInt64(col);
  return v ? std::optional<Instant>(instant(*v)) : std::nullopt;
}

// The case exists (throws caselog::Error(not_found) otherwise).
void requireCase(Db& db, const std::string& caseId);

// The largest message id: about how many messages there are, as messages are never deleted (a
// cheap read, where count(*) would scan an index).
std::int64_t maxMessageId(Db& db);

// cases.priority_* columns <-> Priority (terms as a JSON array). sqlite_intel.cpp.
Priority priorityFromColumns(double score, const std::string& label, const std::string& termsJson);

}  // namespace sqlite

}  // namespace caselog
