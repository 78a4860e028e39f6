#include "storage/fts_index.hpp"

#include "storage/sqlite_db.hpp"

namespace caselog::sqlite::fts {

void addMessage(Db& db, std::int64_t messageId, const std::string& body) {
  Stmt(db, "INSERT INTO message_fts(rowid, body) VALUES (?1, ?2)").bind(1, messageId).bind(2, body).run();
}

void removeMessage(Db& db, std::int64_t messageId, const std::string& body) {
  Stmt(db, "INSERT INTO message_fts(message_fts, rowid, body) VALUES ('delete', ?1, ?2)")
      .bind(1, messageId)
      .bind(2, body)
      .run();
}

void setSubject(Db& db, std::int64_t caseRowId, const std::string& caseId, const std::string& subject) {
  Stmt(db, "DELETE FROM text_fts WHERE rowid = ?1").bind(1, caseRowId * 2).run();
  Stmt(db, "INSERT INTO text_fts(rowid, text, case_id) VALUES (?1, ?2, ?3)")
      .bind(1, caseRowId * 2)
      .bind(2, subject)
      .bind(3, caseId)
      .run();
}

void addNote(Db& db, std::int64_t noteId, const std::string& caseId, const std::string& text) {
  Stmt(db, "INSERT INTO text_fts(rowid, text, case_id) VALUES (?1, ?2, ?3)")
      .bind(1, noteId * 2 + 1)
      .bind(2, text)
      .bind(3, caseId)
      .run();
}

}  // namespace caselog::sqlite::fts
