// Captured text is hostile input: every page must render it as text, never as markup.
#include "web_fixture.hpp"

namespace caselog::test {
namespace {

const char* const kPayloads[] = {
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "\"'><svg onload=alert(3)>",
};

class Xss : public WebTest {
 protected:
  void SetUp() override {
    WebTest::SetUp();
    CaseSnapshot s = sampleCase("2002", std::string("Subject ") + kPayloads[2], "");
    s.messages[0].sender = kPayloads[1];
    s.messages[1].body = std::string("Dear seller, thank you. ") + kPayloads[0] + " " + kPayloads[1] + " " +
                         kPayloads[2] + " suppressed";
    s.marketplace = kPayloads[0];
    capture(s);
    service_->addNote("2002", std::string("note ") + kPayloads[1]);
  }

  void expectInert(const std::string& path) {
    const auto r = get(path);
    ASSERT_EQ(r.status, 200) << path;
    for (const char* p : kPayloads) EXPECT_EQ(r.body.find(p), std::string::npos) << path << " contains " << p;
    EXPECT_EQ(r.body.find("<svg onload"), std::string::npos) << path;
    EXPECT_EQ(r.body.find("<img src=x"), std::string::npos) << path;
  }
};

TEST_F(Xss, CasePageEscapesEveryCapturedField) {
  expectInert("/cases/2002");
  const auto r = get("/cases/2002");
  EXPECT_NE(r.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(r.body.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(r.body.find("&quot;&#39;&gt;&lt;svg onload=alert(3)&gt;"), std::string::npos);
}

TEST_F(Xss, ListsSearchTrendsAndExportEscape) {
  expectInert("/");
  expectInert("/cases");
  expectInert("/search?q=thank");
  expectInert("/search?q=" + web::hmacSha256Hex("a", "b"));  // no hits is fine too
  expectInert("/search?q=%3Cscript%3E");
  expectInert("/trends");
  expectInert("/export/download?case=2002&format=html");
}

TEST_F(Xss, QueryTextIsEscapedWhenEchoed) {
  const auto r = get("/search?q=%22%3E%3Cscript%3Ealert(9)%3C%2Fscript%3E");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body.find("<script>alert(9)"), std::string::npos);
  EXPECT_NE(r.body.find("&quot;&gt;&lt;script&gt;alert(9)"), std::string::npos);
}

TEST_F(Xss, ApiJsonKeepsTextVerbatimAsJsonStrings) {
  const auto r = get("/api/cases/2002");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type").rfind("application/json", 0), 0u);
  const auto j = nlohmann::json::parse(r.body);
  EXPECT_NE(j["messages"][1]["body"].get<std::string>().find(kPayloads[0]), std::string::npos);
}

}  // namespace
}  // namespace caselog::test
