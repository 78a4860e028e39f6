// Fuzzes the protocol dispatcher against a real SQLite store in a temp folder: any frame payload
// must give exactly one answer that is a JSON object with a `type`, under 1 MiB, and never crash.
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/config.hpp"
#include "messaging/codec.hpp"
#include "messaging/dispatcher.hpp"
#include "storage/store.hpp"

namespace {

struct Fixture {
  std::string dir;
  std::unique_ptr<caselog::Store> store;
  caselog::Config config = caselog::Config::defaults();
  std::unique_ptr<caselog::CaseService> service;
  std::unique_ptr<caselog::messaging::Dispatcher> dispatcher;

  Fixture() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "caselog-fuzz-XXXXXX").string();
    dir = ::mkdtemp(tmpl.data());
    store = caselog::openSqliteStore(dir + "/caselog.db");
    service = std::make_unique<caselog::CaseService>(
        *store, config, caselog::fixedClock(*caselog::parseIso8601("2026-11-25T12:00:00Z")));
    dispatcher = std::make_unique<caselog::messaging::Dispatcher>(
        *service, caselog::messaging::HostInfo{"fuzz", dir + "/caselog.db", std::nullopt});
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string payload(reinterpret_cast<const char*>(data), size);
  const auto reply = fixture().dispatcher->handle(payload);
  if (reply.text.size() > caselog::messaging::kMaxOutgoingFrame) std::abort();
  const auto answer = nlohmann::json::parse(reply.text);  // throws (and so fails) when not JSON
  if (!answer.is_object() || !answer.contains("type") || !answer["type"].is_string()) std::abort();
  if (reply.ok == (answer["type"] == "error")) std::abort();
  return 0;
}
