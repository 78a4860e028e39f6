#include "cli/input.hpp"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/error.hpp"

namespace caselog::cli {

std::ifstream openForReading(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    throw Error(ErrorCode::not_found, "cannot read " + path + ": " + std::strerror(EISDIR));
  std::ifstream file(path, std::ios::binary);
  if (!file) throw Error(ErrorCode::not_found, "cannot read " + path + ": " + std::strerror(errno));
  return file;
}

std::string readAll(const std::string& path, std::istream& stdinStream) {
  std::ostringstream text;
  if (path == "-") {
    text << stdinStream.rdbuf();
    return text.str();
  }
  std::ifstream file = openForReading(path);
  text << file.rdbuf();
  return text.str();
}

nlohmann::json parseJsonText(const std::string& text, const std::string& name) {
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    std::string why = e.what();
    if (auto at = why.find(" at "); at != std::string::npos) why = why.substr(at + 4);
    throw Error(ErrorCode::bad_json, name + " is not valid JSON (" + why + ")");
  }
}

}  // namespace caselog::cli
