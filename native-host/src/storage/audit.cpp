#include "storage/audit.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

namespace caselog::audit {

std::string sha256Hex(std::string_view bytes) {
  Poco::SHA2Engine engine(Poco::SHA2Engine::SHA_256);
  engine.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string canonicalJson(const Event& e) {
  // nlohmann::json objects keep their keys sorted, so dump() is canonical for a given value.
  const nlohmann::json doc = {
      {"seq", e.seq}, {"caseId", e.caseId}, {"kind", e.kind}, {"at", formatIso8601(e.at)}, {"data", e.data}};
  return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string eventHash(const Event& e) {
  return sha256Hex(e.prevHash + canonicalJson(e));
}

std::string messageContentHash(const StoredMessage& m) {
  const std::string sentAt = m.sentAt ? formatIso8601(*m.sentAt) : std::string();
  return sha256Hex(m.author + "|" + m.sender + "|" + sentAt + "|" + m.body);
}

std::string noteContentHash(const Note& n) {
  return sha256Hex(formatIso8601(n.at) + "|" + n.text);
}

}  // namespace caselog::audit
