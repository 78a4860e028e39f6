// A real history view for tests: a temporary SQLite store, the real CaseService and HistoryView
// on an ephemeral loopback port, and a small Poco HTTP client with the session cookie.
#pragma once

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <sstream>
#include <string>

#include "core/time.hpp"
#include "domain/config.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"
#include "web/history_view.hpp"
#include "web/security.hpp"

namespace caselog::test {

struct HttpResult {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // first value of each (names as sent)
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

struct RequestSpec {
  std::string method = "GET";
  std::string path = "/";
  std::string body;  // form-encoded when non-empty
  std::string host;  // default 127.0.0.1:P
  bool withCookie = true;
  std::string cookie;  // overrides the session cookie when set
  std::string origin;
};

class WebTest : public ::testing::Test {
 protected:
  static constexpr const char* kNow = "2026-11-25T12:00:00Z";

  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("caselog-web-" + std::to_string(::getpid()) + "-" + std::to_string(counter_++));
    std::filesystem::create_directories(dir_);
    store_ = openSqliteStore((dir_ / "caselog.db").string());
    config_ = Config::defaults();
    service_ = std::make_unique<CaseService>(*store_, config_, fixedClock(*parseIso8601(kNow)));
    ViewOptions o;
    o.port = 0;
    o.tokenPath = (dir_ / "view-token").string();
    view_ = std::make_unique<HistoryView>(*service_, o);
    ASSERT_TRUE(view_->tryStart());
  }

  void TearDown() override {
    view_.reset();
    service_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string hostHeader() const { return "127.0.0.1:" + std::to_string(view_->port()); }
  std::string sessionCookie() const {
    return std::string(web::kSessionCookie) + "=" + web::sessionValue(view_->token());
  }
  std::string csrf() const { return web::csrfToken(view_->token()); }

  HttpResult send(const RequestSpec& spec) {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(view_->port()));
    Poco::Net::HTTPRequest req(spec.method, spec.path, Poco::Net::HTTPMessage::HTTP_1_1);
    req.setHost(spec.host.empty() ? hostHeader() : spec.host);
    if (spec.withCookie) req.set("Cookie", spec.cookie.empty() ? sessionCookie() : spec.cookie);
    if (!spec.origin.empty()) req.set("Origin", spec.origin);
    if (spec.method == "POST") {
      req.setContentType("application/x-www-form-urlencoded");
      req.setContentLength(static_cast<std::streamsize>(spec.body.size()));
      session.sendRequest(req) << spec.body;
    } else {
      session.sendRequest(req);
    }
    Poco::Net::HTTPResponse res;
    std::istream& in = session.receiveResponse(res);
    HttpResult out;
    out.status = res.getStatus();
    Poco::StreamCopier::copyToString(in, out.body);
    for (const auto& [name, value] : res) out.headers.emplace(name, value);
    return out;
  }

  HttpResult get(const std::string& path) {
    RequestSpec s;
    s.path = path;
    return send(s);
  }

  HttpResult post(const std::string& path, const std::string& body) {
    RequestSpec s;
    s.method = "POST";
    s.path = path;
    s.body = body;
    return send(s);
  }

  // A case with a seller message and an Amazon reply, captured through the service.
  CaseSnapshot sampleCase(const std::string& caseId, const std::string& subject, const std::string& reply) {
    CaseSnapshot s;
    s.caseId = caseId;
    s.marketplace = "sellercentral.amazon.com";
    s.subject = subject;
    s.status = "Pending Amazon action";
    s.category = "";
    s.createdAt = "2026-11-20T14:05:00Z";
    s.messages.push_back({"seller", "Acme Goods", "2026-11-20T14:05:00Z",
                          "Our listing B08XYZ1234 was suppressed. Shipment FBA15XYZ1AB2 is fine."});
    s.messages.push_back({"amazon", "Amazon Seller Support", "2026-11-21T09:12:00Z", reply});
    return s;
  }

  void capture(const CaseSnapshot& s) {
    CaptureSource src;
    src.page = "view-case";
    src.url = "https://sellercentral.amazon.com/cu/case-dashboard/view-case?caseID=" + s.caseId;
    service_->capture(s, src);
  }

  std::filesystem::path dir_;
  std::unique_ptr<Store> store_;
  Config config_;
  std::unique_ptr<CaseService> service_;
  std::unique_ptr<HistoryView> view_;
  static inline int counter_ = 0;
};

}  // namespace caselog::test
