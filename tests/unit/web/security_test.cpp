// The view's security properties, each against a real server on a loopback port.
#include <sys/stat.h>

#include <fstream>

#include "web/security.hpp"
#include "web_fixture.hpp"

namespace caselog::test {
namespace {

using Security = WebTest;

TEST_F(Security, ListensOnLoopbackOnly) {
  // /proc/net/tcp lists listening sockets as local_address "0100007F:PORT" for 127.0.0.1.
  std::ifstream tcp("/proc/net/tcp");
  std::string line, wantPort;
  char hex[8];
  std::snprintf(hex, sizeof hex, "%04X", view_->port());
  bool found = false;
  while (std::getline(tcp, line)) {
    std::istringstream in(line);
    std::string sl, local, remote, state;
    in >> sl >> local >> remote >> state;
    if (state != "0A" || local.substr(local.size() - 4) != hex) continue;
    found = true;
    EXPECT_EQ(local.substr(0, 8), "0100007F") << line;
  }
  EXPECT_TRUE(found);
  EXPECT_EQ(view_->baseUrl(), "http://127.0.0.1:" + std::to_string(view_->port()));
}

TEST_F(Security, TokenIsExchangedForCookieAndDroppedFromUrl) {
  RequestSpec s;
  s.path = "/cases?status=open&token=" + view_->token();
  s.withCookie = false;
  const auto r = send(s);
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("Location"), "/cases?status=open");
  const std::string cookie = r.header("Set-Cookie");
  EXPECT_NE(cookie.find(web::sessionValue(view_->token())), std::string::npos);
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(cookie.find(view_->token()), std::string::npos) << "the cookie must not carry the token itself";
  EXPECT_EQ(get("/cases?status=open").status, 200);
}

TEST_F(Security, UrlCarriesTheToken) {
  EXPECT_EQ(view_->url(), view_->baseUrl() + "/?token=" + view_->token());
  EXPECT_EQ(view_->token().size(), 64u);
}

TEST_F(Security, NoTokenIs401WrongTokenOrCookieIs403) {
  RequestSpec s;
  s.withCookie = false;
  EXPECT_EQ(send(s).status, 401);
  s.path = "/?token=" + std::string(64, 'a');
  EXPECT_EQ(send(s).status, 403);
  s.path = "/";
  s.withCookie = true;
  s.cookie = std::string(web::kSessionCookie) + "=" + std::string(64, '0');
  EXPECT_EQ(send(s).status, 403);
  s.path = "/api/cases";
  EXPECT_EQ(send(s).status, 403);
}

TEST_F(Security, HostHeaderMustBeLoopbackWithThePort) {
  const std::string port = std::to_string(view_->port());
  for (const std::string& host :
       std::vector<std::string>{"evil.example:" + port, "127.0.0.1", "127.0.0.1:1",
                                "localhost.evil.com:" + port, "127.0.0.2:" + port}) {
    RequestSpec s;
    s.host = host;
    EXPECT_EQ(send(s).status, 403) << host;
  }
  for (const std::string& host :
       std::vector<std::string>{"127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port}) {
    RequestSpec s;
    s.host = host;
    EXPECT_EQ(send(s).status, 200) << host;
  }
}

TEST_F(Security, ChangesNeedPostAndTheCsrfToken) {
  capture(sampleCase("1001", "Listing suppressed", "We have reviewed your case."));
  EXPECT_EQ(get("/cases/1001/note?text=hi&csrf=" + csrf()).status, 405);
  EXPECT_EQ(post("/cases/1001/note", "text=hello").status, 403);
  EXPECT_EQ(post("/cases/1001/note", "text=hello&csrf=" + std::string(64, 'f')).status, 403);
  EXPECT_TRUE(service_->getCase("1001").notes.empty()) << "refused changes change nothing";
  RequestSpec cross;
  cross.method = "POST";
  cross.path = "/cases/1001/note";
  cross.body = "text=hello&csrf=" + csrf();
  cross.origin = "http://evil.example";
  EXPECT_EQ(send(cross).status, 403);
  const auto ok = post("/cases/1001/note", "text=hello+there&csrf=" + csrf());
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("Location"), "/cases/1001");
  ASSERT_EQ(service_->getCase("1001").notes.size(), 1u);
  EXPECT_EQ(service_->getCase("1001").notes[0].text, "hello there");
}

TEST_F(Security, FormsCarryTheCsrfToken) {
  capture(sampleCase("1001", "Listing suppressed", "We have reviewed your case."));
  const auto page = get("/cases/1001");
  EXPECT_NE(page.body.find("name=\"csrf\" value=\"" + csrf() + "\""), std::string::npos);
}

TEST_F(Security, WrongMethodIs405WithAllow) {
  const auto r = post("/", "csrf=" + csrf());
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET");
  EXPECT_EQ(get("/cases/1/pin").status, 405);
}

TEST_F(Security, SecurityHeadersOnEveryResponse) {
  for (const char* path : {"/", "/nowhere", "/static/caselog.css", "/cases/999"}) {
    const auto r = get(path);
    const std::string csp = r.header("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(r.header("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST_F(Security, PagesNeedNoInlineScriptOrStyle) {
  capture(sampleCase("1001", "Listing suppressed", "We have reviewed your case."));
  for (const char* path : {"/", "/cases", "/cases/1001", "/search?q=listing", "/trends", "/export"}) {
    const auto r = get(path);
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << path;
    EXPECT_EQ(r.body.find(" style="), std::string::npos) << path;
    EXPECT_EQ(r.body.find("<style"), std::string::npos) << path;
    EXPECT_EQ(r.body.find(" onclick="), std::string::npos) << path;
  }
}

TEST_F(Security, StaticFilesCannotEscapeTheEmbeddedTable) {
  EXPECT_EQ(get("/static/caselog.css").status, 200);
  EXPECT_EQ(get("/static/caselog.js").status, 200);
  for (const char* path : {"/static/../../../../etc/passwd", "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
                           "/static/..%2F..%2Fetc%2Fpasswd", "/static/caselog.css/../../etc/passwd",
                           "/static//etc/passwd", "/static/%2fetc%2fpasswd", "/static/caselog.css%00.png"}) {
    const auto r = get(path);
    EXPECT_NE(r.status, 200) << path;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << path;
  }
}

TEST_F(Security, OversizedBodyIs413) {
  capture(sampleCase("1001", "Listing suppressed", "We have reviewed your case."));
  const auto r = post("/cases/1001/note", "csrf=" + csrf() + "&text=" + std::string(70 * 1024, 'x'));
  EXPECT_EQ(r.status, 413);
  EXPECT_TRUE(service_->getCase("1001").notes.empty());
}

TEST_F(Security, ErrorsArePagesWithoutInternals) {
  const auto missing = get("/cases/424242");
  EXPECT_EQ(missing.status, 404);
  EXPECT_NE(missing.body.find("<!doctype html>"), std::string::npos);
  const auto bad = get("/cases?limit=abc");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("whole number"), std::string::npos);
  const auto unknown = get("/no/such/page");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body.find("std::"), std::string::npos);
}

TEST_F(Security, TokenFileIsPrivateAndReused) {
  const auto path = dir_ / "view-token";
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_EQ(loadOrCreateToken(path.string()), view_->token());
}

TEST_F(Security, BusyPortIsReportedNotThrown) {
  ViewOptions o;
  o.port = view_->port();
  o.tokenPath = (dir_ / "view-token").string();
  HistoryView second(*service_, o);
  EXPECT_FALSE(second.tryStart());
  EXPECT_FALSE(second.running());
}

TEST(SecurityUnit, HmacSha256MatchesRfc4231) {
  // RFC 4231 test case 2.
  EXPECT_EQ(web::hmacSha256Hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(SecurityUnit, CookieParsing) {
  EXPECT_EQ(web::cookieValue("a=1; caselog_session=xyz; b=2", "caselog_session"), "xyz");
  EXPECT_EQ(web::cookieValue("xcaselog_session=no", "caselog_session"), "");
  EXPECT_EQ(web::cookieValue("", "caselog_session"), "");
}

// The Host check itself (rewritten without operator+ for GCC 12's -Wrestrict).
TEST(HostCheck, OnlyLoopbackNamesOnTheViewPort) {
  using web::hostAllowed;
  using web::originAllowed;
  EXPECT_TRUE(hostAllowed("127.0.0.1:8123", 8123));
  EXPECT_TRUE(hostAllowed("localhost:8123", 8123));
  EXPECT_TRUE(hostAllowed("LocalHost:8123", 8123));
  EXPECT_FALSE(hostAllowed("localhost:8124", 8123));
  EXPECT_FALSE(hostAllowed("localhost:18123", 8123));
  EXPECT_FALSE(hostAllowed("localhost", 8123));
  EXPECT_FALSE(hostAllowed(":8123", 8123));
  EXPECT_FALSE(hostAllowed("evil.example:8123", 8123));
  EXPECT_FALSE(hostAllowed("localhost.evil.example:8123", 8123));
  EXPECT_TRUE(originAllowed("http://127.0.0.1:8123", 8123));
  EXPECT_FALSE(originAllowed("https://127.0.0.1:8123", 8123));
}

}  // namespace
}  // namespace caselog::test
