// Reading what the user points a command at: a file, or stdin for "-".
#pragma once

#include <fstream>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>

namespace caselog::cli {

// The file opened for reading; caselog::Error(not_found) "cannot read PATH: REASON" when it
// cannot be, a directory included (which an ifstream opens, and then reads as empty).
std::ifstream openForReading(const std::string& path);

// The whole content; caselog::Error(not_found) naming the file when it cannot be read.
std::string readAll(const std::string& path, std::istream& stdinStream);

// Parses JSON; caselog::Error(bad_json) "NAME is not valid JSON (line 1, column 2: …)".
nlohmann::json parseJsonText(const std::string& text, const std::string& name);

}  // namespace caselog::cli
