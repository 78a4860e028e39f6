// caselog-host as the browser sees it: framed JSON over pipes, a temp database.
#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <tuple>

#include "process/support.hpp"

namespace caselog::test {
namespace {

nlohmann::json hello(HostProcess& host) {
  return host.request({{"type", "hello"}, {"protocol", 1}});
}

TEST(HostProtocol, HelloRoundTrip) {
  TempDir dir;
  HostProcess host(dir, {"chrome-extension://abcdefghijklmnopabcdefghijklmnop/"},
                   {{"CASELOG_PORT", std::to_string(20000 + ::getpid() % 30000)}});
  const auto answer =
      host.request({{"type", "hello"}, {"id", "h1"}, {"protocol", 1}, {"extension", "0.1.0"}});
  EXPECT_EQ(answer["type"], "hello");
  EXPECT_EQ(answer["id"], "h1");
  EXPECT_EQ(answer["protocol"], 1);
  EXPECT_EQ(answer["host"], CASELOG_VERSION);
  EXPECT_EQ(answer["db"], dir.dbPath());
  ASSERT_TRUE(answer["view"].is_null() || answer["view"].is_string()) << answer;
  if (answer["view"].is_string()) {
    EXPECT_EQ(answer["view"].get<std::string>().rfind("http://127.0.0.1:", 0), 0u);
  }
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
  EXPECT_NE(host.stderrText().find("chrome-extension://abcdefghijklmnopabcdefghijklmnop/"),
            std::string::npos);
}

TEST(HostProtocol, CaptureThenCase) {
  TempDir dir;
  HostProcess host(dir);
  const auto ack = host.request(captureRequest("c1", sampleCase("17865432901", 2)));
  ASSERT_EQ(ack["type"], "ack") << ack;
  EXPECT_EQ(ack["id"], "c1");
  EXPECT_EQ(ack["caseId"], "17865432901");
  EXPECT_EQ(ack["created"], true);
  EXPECT_EQ(ack["newMessages"], 2);
  EXPECT_TRUE(ack["priority"]["score"].is_number());
  EXPECT_TRUE(ack["priority"]["label"].is_string());
  EXPECT_TRUE(ack["priority"]["reasons"].is_array());
  EXPECT_TRUE(ack["reminders"].is_array());

  const auto again = host.request(captureRequest("c2", sampleCase("17865432901", 2)));
  EXPECT_EQ(again["created"], false);
  EXPECT_EQ(again["newMessages"], 0);
  const auto more = host.request(captureRequest("c3", sampleCase("17865432901", 3)));
  EXPECT_EQ(more["newMessages"], 1);

  const auto c = host.request({{"type", "case"}, {"caseId", "17865432901"}});
  ASSERT_EQ(c["type"], "case") << c;
  EXPECT_EQ(c["case"]["caseId"], "17865432901");
  EXPECT_EQ(c["case"]["subject"], "Listing suppressed for B08XYZ1234 - incorrect main image");
  ASSERT_EQ(c["messages"].size(), 3u);
  EXPECT_EQ(c["messages"][0]["author"], "seller");
  EXPECT_EQ(c["messages"][1]["author"], "amazon");
  EXPECT_TRUE(c["next"].is_null());
  EXPECT_FALSE(c["events"].empty());
  EXPECT_TRUE(c["priority"]["label"].is_string());
}

struct Malformed {
  const char* name;
  std::string payload;
  const char* code;
  nlohmann::json id;            // echoed id expected
  const char* messageMentions;  // a substring of the error message
};

class HostMalformed : public ::testing::TestWithParam<Malformed> {};

TEST_P(HostMalformed, AnswersTypedErrorAndKeepsServing) {
  const Malformed& m = GetParam();
  TempDir dir;
  HostProcess host(dir);
  ASSERT_TRUE(host.sendText(m.payload));
  const auto error = host.readFrame();
  ASSERT_TRUE(error) << host.stderrText();
  EXPECT_EQ((*error)["type"], "error") << *error;
  EXPECT_EQ((*error)["code"], m.code) << *error;
  EXPECT_EQ((*error)["id"], m.id) << *error;
  EXPECT_NE((*error)["message"].get<std::string>().find(m.messageMentions), std::string::npos) << *error;
  EXPECT_EQ(hello(host)["type"], "hello");
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0);
}

const std::string kBadUtf8 = std::string(R"({"type":"hello","id":"u","x":")") + "\xC3\x28" + "\"}";

INSTANTIATE_TEST_SUITE_P(
    Frames, HostMalformed,
    ::testing::Values(
        Malformed{"BadJson", "{not json", "bad_json", nullptr, "JSON"},
        Malformed{"EmptyFrame", "", "bad_json", nullptr, "JSON"},
        Malformed{"InvalidUtf8", kBadUtf8, "bad_json", nullptr, "JSON"},
        Malformed{"NotAnObject", "[1,2,3]", "bad_request", nullptr, "object"},
        Malformed{"StringTopLevel", R"("hello")", "bad_request", nullptr, "object"},
        Malformed{"MissingType", R"({"id":"a"})", "bad_request", "a", "type"},
        Malformed{"TypeNotString", R"({"id":"a","type":7})", "bad_request", "a", "type"},
        Malformed{"MissingId", R"({"type":"hello"})", "bad_request", nullptr, "id"},
        Malformed{"UnknownType", R"({"id":"b","type":"launch_rockets"})", "unknown_type", "b",
                  "launch_rockets"},
        Malformed{"CaseIdNotString",
                  R"({"id":"c","type":"capture","source":{},"case":{"caseId":17865432901}})", "bad_request",
                  "c", "case.caseId"},
        Malformed{"MissingCase", R"({"id":"d","type":"capture","source":{}})", "bad_request", "d", "case"},
        Malformed{
            "MessageBodyWrongType",
            R"({"id":"e","type":"capture","source":{},"case":{"caseId":"1","messages":[{"author":"amazon","body":5}]}})",
            "bad_request", "e", "case.messages[0].body"},
        Malformed{
            "BadAuthor",
            R"({"id":"f","type":"capture","source":{},"case":{"caseId":"1","messages":[{"author":"bot","body":"x"}]}})",
            "bad_request", "f", "author"},
        Malformed{"SearchLimitTooBig", R"({"id":"g","type":"search","query":"x","limit":500})", "bad_request",
                  "g", "limit"},
        Malformed{"SnoozeBadDate", R"({"id":"h","type":"snooze","caseId":"1","until":"next tuesday"})",
                  "bad_request", "h", "until"},
        Malformed{"UnknownCase", R"({"id":"i","type":"case","caseId":"999"})", "not_found", "i", "999"},
        Malformed{"CaseBadCursor", R"({"id":"j","type":"case","caseId":"1","cursor":"../etc"})",
                  "bad_request", "j", "cursor"},
        Malformed{"ListNotArray", R"({"id":"k","type":"capture_list","source":{},"cases":{}})", "bad_request",
                  "k", "cases"},
        Malformed{"NumericIdEchoed", R"({"id":42,"type":"hello"})", "bad_request", 42, "id"}),
    [](const ::testing::TestParamInfo<Malformed>& p) { return p.param.name; });

// Requests whose answer would repeat a value of a megabyte (an id, a type, a field an error
// quotes): each gets a small typed error, and the host goes on serving. Before, the host exited
// on the answer it could not send, and a capture with a 1 MB subject was stored, then its ack and
// its reminder could not be sent.
TEST(HostProtocol, RequestsRepeatingHugeValuesGetSmallErrorsAndTheHostGoesOn) {
  TempDir dir;
  HostProcess host(dir);
  const std::string huge(1100 * 1000, '7');
  auto withCase = [&](const char* id, const std::string& field, const std::string& value) {
    auto c = sampleCase("17865432901", 2);
    c[field] = value;
    return captureRequest(id, c);
  };
  const std::vector<std::tuple<nlohmann::json, const char*, nlohmann::json, const char*>> requests = {
      {{{"type", "hello"}, {"id", huge}}, "bad_request", nullptr, "`id` is too long"},
      {{{"type", std::string(huge.size(), 't')}, {"id", "t"}}, "unknown_type", "t", "unknown message type"},
      {withCase("s", "subject", huge), "bad_request", "s", "subject is too long"},
      {withCase("d", "createdAt", huge), "bad_request", "d", "createdAt is not an ISO 8601 date"},
      {withCase("i", "caseId", huge), "bad_request", "i", "caseId is too long"},
      {{{"type", "case"}, {"id", "k"}, {"caseId", huge}}, "not_found", "k", "no case 777"},
      {{{"type", "note"}, {"id", "n"}, {"caseId", huge}, {"text", "x"}}, "not_found", "n", "no case 777"}};
  for (const auto& [request, code, id, mentions] : requests) {
    ASSERT_TRUE(host.send(request)) << host.stderrText();
    const auto frame = host.readFrame();
    ASSERT_TRUE(frame) << "no answer; host stderr:\n" << host.stderrText().substr(0, 2000);
    EXPECT_EQ((*frame)["type"], "error");
    EXPECT_EQ((*frame)["code"], code) << (*frame).dump().substr(0, 300);
    EXPECT_EQ((*frame)["id"], id);
    EXPECT_LT(frame->dump().size(), 2000u);
    EXPECT_NE((*frame)["message"].get<std::string>().find(mentions), std::string::npos) << (*frame)["message"];
    EXPECT_EQ(hello(host)["type"], "hello");
  }
  EXPECT_EQ(host.request({{"type", "case"}, {"id", "c"}, {"caseId", "17865432901"}})["code"], "not_found");
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0);
  EXPECT_EQ(host.stderrText().find("not sent"), std::string::npos) << host.stderrText().substr(0, 2000);
}

TEST(HostProtocol, OversizeFrameIsRefusedAndSkipped) {
  TempDir dir;
  HostProcess host(dir, {"--no-view", "--max-frame", "4096"});
  const std::string big = R"({"type":"hello","id":"big","pad":")" + std::string(10000, 'x') + "\"}";
  ASSERT_TRUE(host.sendText(big));
  const auto error = host.readFrame();
  ASSERT_TRUE(error);
  EXPECT_EQ((*error)["code"], "too_large") << *error;
  EXPECT_TRUE((*error)["id"].is_null());
  EXPECT_EQ(hello(host)["type"], "hello");  // the stream is still in sync
}

TEST(HostProtocol, DefaultCapRefusesFourGigabyteHeader) {
  TempDir dir;
  HostProcess host(dir);
  const std::uint32_t huge = 0xFFFFFFFFu;
  std::string header(4, '\0');
  std::memcpy(header.data(), &huge, 4);
  ASSERT_TRUE(host.writeRaw(header + "{\"type\":"));
  const auto error = host.readFrame();
  ASSERT_TRUE(error);
  EXPECT_EQ((*error)["code"], "too_large");
  host.closeStdin();  // the rest of the 4 GiB never comes: a truncated stream
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
}

TEST(HostProtocol, EofExitsZero) {
  TempDir dir;
  HostProcess host(dir);
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
}

TEST(HostProtocol, TruncatedFrameAtEofExitsZero) {
  TempDir dir;
  HostProcess host(dir);
  const std::string frame = messaging::encodeFrameUnchecked(R"({"type":"hello","id":"t"})");
  ASSERT_TRUE(host.writeRaw(frame.substr(0, frame.size() - 5)));
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
  EXPECT_FALSE(host.readFrame(1s));  // the partial request was dropped, not answered
}

TEST(HostProtocol, TruncatedHeaderAtEofExitsZero) {
  TempDir dir;
  HostProcess host(dir);
  ASSERT_TRUE(host.writeRaw(std::string("\x10\x00", 2)));
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
}

TEST(HostProtocol, AnswersQueuedBeforeEofAreDelivered) {
  TempDir dir;
  HostProcess host(dir);
  for (int i = 0; i < 20; ++i) ASSERT_TRUE(host.send({{"type", "hello"}, {"id", std::to_string(i)}}));
  host.closeStdin();
  for (int i = 0; i < 20; ++i) {
    const auto frame = host.readFrame();
    ASSERT_TRUE(frame) << "answer " << i << " missing";
    EXPECT_EQ((*frame)["id"], std::to_string(i));  // in order
  }
  EXPECT_EQ(host.wait(), 0);
}

TEST(HostProtocol, LongThreadIsPagedUnderOneMebibyte) {
  TempDir dir;
  HostProcess host(dir);
  const int count = 40;
  const auto ack = host.request(captureRequest("big", sampleCase("555000111", count, 60 * 1024)));
  ASSERT_EQ(ack["type"], "ack") << ack;
  ASSERT_EQ(ack["newMessages"], count);

  nlohmann::json request = {{"type", "case"}, {"caseId", "555000111"}};
  int pages = 0, seen = 0;
  for (;;) {
    const auto page = host.request(request);
    ASSERT_EQ(page["type"], "case") << page.dump().substr(0, 300);
    EXPECT_LT(page.dump().size(), messaging::kMaxOutgoingFrame);
    EXPECT_EQ(page.contains("case"), pages == 0);
    for (const auto& m : page["messages"]) {
      const std::string body = m["body"];
      const std::string marker =
          seen % 2 == 0 ? "Message " + std::to_string(seen) + " " : "Reply " + std::to_string(seen) + ":";
      EXPECT_NE(body.find(marker), std::string::npos) << "message " << seen << " out of order";
      ++seen;
    }
    ++pages;
    if (page["next"].is_null()) break;
    request["cursor"] = page["next"];
    ASSERT_LT(pages, 100);
  }
  EXPECT_EQ(seen, count);
  EXPECT_GT(pages, 1);
}

TEST(HostProtocol, VersionFlagPrintsToRealStdout) {
  TempDir dir;
  const auto r = runProcess({CASELOG_HOST_BIN, "--version"}, childEnvironment(dir));
  EXPECT_EQ(r.exitCode, 0);
  EXPECT_EQ(r.out, std::string("caselog-host ") + CASELOG_VERSION + "\n");
}

TEST(HostProtocol, UnknownOptionIsAUsageError) {
  TempDir dir;
  const auto r = runProcess({CASELOG_HOST_BIN, "--frobnicate"}, childEnvironment(dir));
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("--frobnicate"), std::string::npos);
}

}  // namespace
}  // namespace caselog::test

namespace caselog::test {
namespace {

TEST(HostProtocol, UnopenableDatabaseIsReportedOnEveryRequest) {
  TempDir dir;
  std::ofstream(dir.file("not-a-folder")) << "x";
  HostProcess host(dir, {"--no-view", "--db", dir.file("not-a-folder/caselog.db")});
  const auto answer = host.request({{"type", "hello"}, {"id", "h"}});
  EXPECT_EQ(answer["type"], "error") << answer;
  EXPECT_EQ(answer["code"], "storage");
  EXPECT_EQ(answer["id"], "h");
  EXPECT_NE(answer["message"].get<std::string>().find("not-a-folder/caselog.db"), std::string::npos)
      << answer;
  EXPECT_EQ(host.request(captureRequest("c", sampleCase("1", 1)))["code"], "storage");
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
}

}  // namespace
}  // namespace caselog::test
