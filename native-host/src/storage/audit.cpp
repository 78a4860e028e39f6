#include "storage/audit.hpp"

#include <Poco/Crypto/DigestEngine.h>

namespace caselog::audit {

// OpenSSL's SHA-256 through Poco::Crypto: it uses the CPU's SHA instructions where there are
// some, about 3x faster than Poco::SHA2Engine's portable code on a 400-byte message, which counts
// when every imported message is hashed. One engine per thread, reused (digest() resets it).
std::string sha256Hex(std::initializer_list<std::string_view> parts) {
  thread_local Poco::Crypto::DigestEngine engine("SHA256");
  for (std::string_view part : parts) engine.update(part.data(), static_cast<unsigned>(part.size()));
  return Poco::DigestEngine::digestToHex(engine.digest());
}

std::string sha256Hex(std::string_view bytes) {
  return sha256Hex({bytes});
}

namespace {

std::string dumpJson(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string dataText(const nlohmann::json& data) {
  return dumpJson(data);
}

// The same text as dumping {"seq", "caseId", "kind", "at", "data"} as one nlohmann::json object
// (keys sorted: at, caseId, data, kind, seq), without building that object and dumping the data a
// second time.
std::string canonicalJson(const Event& e, std::string_view dataJson) {
  std::string out = "{\"at\":";
  out += dumpJson(formatIso8601(e.at));
  out += ",\"caseId\":";
  out += dumpJson(e.caseId);
  out += ",\"data\":";
  out += dataJson;
  out += ",\"kind\":";
  out += dumpJson(e.kind);
  out += ",\"seq\":";
  out += std::to_string(e.seq);
  out += '}';
  return out;
}

std::string canonicalJson(const Event& e) {
  return canonicalJson(e, dataText(e.data));
}

std::string eventHash(const Event& e, std::string_view dataJson) {
  return sha256Hex({e.prevHash, canonicalJson(e, dataJson)});
}

std::string eventHash(const Event& e) {
  return eventHash(e, dataText(e.data));
}

std::string messageContentHash(const StoredMessage& m) {
  const std::string sentAt = m.sentAt ? formatIso8601(*m.sentAt) : std::string();
  return sha256Hex({m.author, "|", m.sender, "|", sentAt, "|", m.body});
}

std::string noteContentHash(const Note& n) {
  return sha256Hex({formatIso8601(n.at), "|", n.text});
}

}  // namespace caselog::audit
