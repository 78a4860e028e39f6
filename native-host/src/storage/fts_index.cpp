#include "storage/fts_index.hpp"

#include "storage/sqlite_db.hpp"

namespace caselog::sqlite::fts {

void Pending::addMessage(std::int64_t messageId, std::string body) {
  ops_.push_back({Kind::add_message, messageId, std::move(body), {}});
}

void Pending::removeMessage(std::int64_t messageId, std::string body) {
  ops_.push_back({Kind::remove_message, messageId, std::move(body), {}});
}

void Pending::setSubject(std::int64_t caseRowId, std::string caseId, std::string subject) {
  ops_.push_back({Kind::set_subject, caseRowId * 2, std::move(subject), std::move(caseId)});
}

void Pending::addNote(std::int64_t noteId, std::string caseId, std::string text) {
  ops_.push_back({Kind::add_note, noteId * 2 + 1, std::move(text), std::move(caseId)});
}

void Pending::flush(Db& db) {
  for (const Op& op : ops_) {
    switch (op.kind) {
      case Kind::add_message:
        Stmt(db, "INSERT INTO message_fts(rowid, body) VALUES (?1, ?2)")
            .bind(1, op.rowId)
            .bind(2, op.text)
            .run();
        break;
      case Kind::remove_message:
        Stmt(db, "INSERT INTO message_fts(message_fts, rowid, body) VALUES ('delete', ?1, ?2)")
            .bind(1, op.rowId)
            .bind(2, op.text)
            .run();
        break;
      case Kind::set_subject:
        Stmt(db, "DELETE FROM text_fts WHERE rowid = ?1").bind(1, op.rowId).run();
        [[fallthrough]];
      case Kind::add_note:
        Stmt(db, "INSERT INTO text_fts(rowid, text, case_id) VALUES (?1, ?2, ?3)")
            .bind(1, op.rowId)
            .bind(2, op.text)
            .bind(3, op.caseId)
            .run();
        break;
    }
  }
  ops_.clear();
}

}  // namespace caselog::sqlite::fts
