// The `case` answer's documented subsets (docs/PROTOCOL.md): the shared mapping's message and event
// with only the fields the protocol lists.
#include "messaging/protocol_json.hpp"

#include <gtest/gtest.h>

namespace caselog::messaging {
namespace {

TEST(ProtocolJson, MessageHasExactlyTheDocumentedFields) {
  StoredMessage m;
  m.id = 4;
  m.author = "amazon";
  m.body = "We have forwarded your request.";
  m.capturedAt = *parseIso8601("2026-11-21T10:00:00Z");
  m.supersedes = 2;
  EXPECT_EQ(protocolMessageJson(m), nlohmann::json({{"id", 4},
                                                    {"author", "amazon"},
                                                    {"sender", ""},
                                                    {"sentAt", nullptr},
                                                    {"body", "We have forwarded your request."},
                                                    {"capturedAt", "2026-11-21T10:00:00Z"},
                                                    {"version", 1},
                                                    {"supersedes", 2}}));
}

TEST(ProtocolJson, EventHasExactlyTheDocumentedFields) {
  Event e;
  e.seq = 3;
  e.caseId = "17865432901";
  e.kind = "note_added";
  e.at = *parseIso8601("2026-11-21T11:00:00Z");
  e.data = {{"noteId", 5}};
  e.prevHash = "aa";
  e.hash = "bb";
  EXPECT_EQ(protocolEventJson(e), nlohmann::json({{"seq", 3},
                                                  {"kind", "note_added"},
                                                  {"at", "2026-11-21T11:00:00Z"},
                                                  {"data", {{"noteId", 5}}},
                                                  {"hash", "bb"}}));
}

}  // namespace
}  // namespace caselog::messaging
