// One message stored through Store::appendMessages, for tests that build cases message by message.
#pragma once

#include <cstdint>
#include <string>

#include "storage/store.hpp"

namespace caselog::testing {

inline std::int64_t appendMessage(Store& store, const std::string& caseId, const StoredMessage& m) {
  return store.appendMessages(caseId, {m}).front();
}

}  // namespace caselog::testing
