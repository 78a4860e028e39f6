// Where CaseLog keeps its files (XDG), with the documented overrides.
#pragma once

#include <string>

namespace caselog {

// --db PATH wins (callers pass it), then CASELOG_DB, then $XDG_DATA_HOME/caselog/caselog.db
// (~/.local/share/caselog/caselog.db).
std::string defaultDbPath();

// CASELOG_CONFIG, then $XDG_CONFIG_HOME/caselog/config.json (~/.config/caselog/config.json).
std::string defaultConfigPath();

// $XDG_CONFIG_HOME/caselog (~/.config/caselog): the config file, the history-view token.
std::string configDir();

// Creates the parent folder of a file path (mode 0700) if it is missing. Throws caselog::Error(storage).
void ensureParentDir(const std::string& filePath);

}  // namespace caselog
