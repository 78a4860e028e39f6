// Keeping the full-text indexes in step with the tables, written by the store itself.
//
// Until schema version 2 this was done by AFTER INSERT/UPDATE triggers. A trigger makes every
// INSERT INTO messages a multi-statement write, which SQLite wraps in a statement savepoint, and
// FTS5 flushes its pending terms to a new on-disk segment at every savepoint: one segment per
// message, then merge work to fold them together. Called directly, the index rows of a whole
// capture (or an import batch) are flushed once, at commit. Schema version 3 drops the triggers.
#pragma once

#include <cstdint>
#include <string>

namespace caselog::sqlite {

class Db;

namespace fts {

// message_fts (external content, rowid = messages.id): a new current message is searchable…
void addMessage(Db& db, std::int64_t messageId, const std::string& body);
// …and a superseded one leaves the index (its row stays in messages). `body` must be the text
// that was indexed: an external-content FTS5 table removes exactly the terms it is given.
void removeMessage(Db& db, std::int64_t messageId, const std::string& body);

// text_fts: a case's subject (rowid = cases.id * 2), replaced when the subject changes.
void setSubject(Db& db, std::int64_t caseRowId, const std::string& caseId, const std::string& subject);
// text_fts: a note (rowid = notes.id * 2 + 1).
void addNote(Db& db, std::int64_t noteId, const std::string& caseId, const std::string& text);

}  // namespace fts
}  // namespace caselog::sqlite
