// The SQLite schema: the current version in code, forward migrations, and the backup copy taken
// before a migration. The version lives in PRAGMA user_version.
#pragma once

#include <string>

namespace caselog::sqlite {

class Db;

inline constexpr int kSchemaVersion = 3;

// Brings the database to kSchemaVersion. A new (empty) file is created at the current version.
// An older file is first copied to "<path>.bak-v<old>" (SQLite backup API) and then migrated
// in one transaction. A file from a newer CaseLog is refused. Throws caselog::Error(storage).
void migrate(Db& db);
// For a file opened read-only, which cannot be migrated: a storage error unless its schema is
// this CaseLog's.
void requireCurrentSchema(Db& db);

// Copies the open database to a new file at target (online backup, consistent snapshot).
void backupTo(Db& db, const std::string& target);

}  // namespace caselog::sqlite
