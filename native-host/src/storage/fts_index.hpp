// Keeping the full-text indexes in step with the tables, written by the store itself.
//
// Until schema version 2 this was done by AFTER INSERT/UPDATE triggers. A trigger makes every
// INSERT INTO messages a multi-statement write, which SQLite wraps in a statement savepoint, and
// FTS5 flushes its pending terms to a new on-disk segment at every savepoint: one segment per
// message, then merge work to fold them together. Schema version 3 drops the triggers.
//
// Other statements open statement savepoints too (an UPSERT into cases, any write that may abort
// half-way), so index writes interleaved with them would still be flushed one case at a time.
// The store therefore queues a transaction's index writes here and runs them, in order, just
// before it commits: the index rows of a whole capture, or of an import batch of 500 cases, go
// into FTS5's pending terms together and are flushed once. An undone savepoint forgets the
// writes it queued.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace caselog::sqlite {

class Db;

namespace fts {

class Pending {
 public:
  // message_fts (external content, rowid = messages.id): a new current message is searchable…
  void addMessage(std::int64_t messageId, std::string body);
  // …and a superseded one leaves the index (its row stays in messages). `body` must be the text
  // that was indexed: an external-content FTS5 table removes exactly the terms it is given.
  void removeMessage(std::int64_t messageId, std::string body);
  // text_fts: a case's subject (rowid = cases.id * 2), replaced when the subject changes.
  void setSubject(std::int64_t caseRowId, std::string caseId, std::string subject);
  // text_fts: a note (rowid = notes.id * 2 + 1).
  void addNote(std::int64_t noteId, std::string caseId, std::string text);

  // Runs the queued writes in order on db (inside its transaction, just before COMMIT) and
  // empties the queue.
  void flush(Db& db);
  // How many writes are queued; forgetting those queued after `mark` undoes a savepoint's.
  std::size_t size() const { return ops_.size(); }
  void forgetAfter(std::size_t mark) { ops_.erase(ops_.begin() + static_cast<std::ptrdiff_t>(mark), ops_.end()); }

 private:
  enum class Kind { add_message, remove_message, set_subject, add_note };
  struct Op {
    Kind kind;
    std::int64_t rowId;
    std::string text;
    std::string caseId;
  };
  std::vector<Op> ops_;
};

}  // namespace fts
}  // namespace caselog::sqlite
