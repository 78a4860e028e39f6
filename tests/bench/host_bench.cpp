// Host benchmarks (issue 2, 10a and 10d), each beside its floor measured in the same run:
//  (a) capture ack latency for a new 20-message case on a warm caselog-host, beside a trivial
//      echo host (echo_host.cpp) and one SQLite commit with synchronous=FULL;
//  (d) cold start to the `hello` answer (beside the echo host's spawn-to-echo), and the host's
//      RSS idle and after a run of searches.
//
// Usage: host_bench [--runs N] [--starts N] [--search-db PATH]
//   --search-db: run the searches against this database (e.g. search_bench's 1M-reply corpus);
//   default: the database the capture benchmark filled.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "process/support.hpp"

namespace caselog::bench {
namespace {

using test::HostProcess;
using test::TempDir;
using Ms = std::chrono::duration<double, std::milli>;

struct Options {
  int runs = 300;
  int starts = 30;
  std::string searchDb;
};

struct Stats {
  double p50 = 0, p99 = 0;
};

Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  auto at = [&](double q) {
    return v[std::min(v.size() - 1, static_cast<std::size_t>(q * (v.size() - 1) + 0.5))];
  };
  return {at(0.50), at(0.99)};
}

template <class F>
double timeMs(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return Ms(std::chrono::steady_clock::now() - t0).count();
}

std::string caseId(int i) {
  return std::to_string(5100000000LL + i);
}

// Request -> ack latency over `runs` captures of new 20-message cases, after a warm-up.
std::vector<double> captureLatencies(HostProcess& host, int runs, int offset) {
  for (int i = 0; i < 20; ++i)
    host.request(test::captureRequest("w", test::sampleCase(caseId(offset + i), 20)));
  std::vector<double> out;
  for (int i = 0; i < runs; ++i) {
    const auto request =
        test::captureRequest("c" + std::to_string(i), test::sampleCase(caseId(offset + 100 + i), 20));
    out.push_back(timeMs([&] {
      const auto ack = host.request(request);
      if (ack.value("type", "") == "error") throw std::runtime_error(ack.dump());
    }));
  }
  return out;
}

// One transaction inserting a capture-sized row, committed with synchronous=FULL in WAL mode.
std::vector<double> sqliteCommitLatencies(const std::string& path, int runs) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  sqlite3_exec(
      db,
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT);",
      nullptr, nullptr, nullptr);
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?)", -1, &insert, nullptr);
  const std::string body = test::sampleCase("1", 20).dump();
  std::vector<double> out;
  for (int i = 0; i < runs; ++i) {
    out.push_back(timeMs([&] {
      sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
      sqlite3_bind_text(insert, 1, body.c_str(), static_cast<int>(body.size()), SQLITE_STATIC);
      sqlite3_step(insert);
      sqlite3_reset(insert);
      sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    }));
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return out;
}

// Spawn -> first answer, each in a fresh process.
std::vector<double> coldStarts(const TempDir& dir, int starts, const std::vector<std::string>& args,
                               const std::map<std::string, std::string>& env, const std::string& binary) {
  std::vector<double> out;
  for (int i = 0; i < starts; ++i) {
    std::optional<HostProcess> host;
    out.push_back(timeMs([&] {
      host.emplace(dir, args, env, binary);
      host->request({{"type", "hello"}, {"id", "1"}, {"protocol", 1}});
    }));
    host->closeStdin();
    host->wait();
  }
  return out;
}

long rssKb(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return -1;
}

void row(const char* what, const Stats& s, const char* target) {
  std::printf("%-46s %9.3f %9.3f   %s\n", what, s.p50, s.p99, target);
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--runs")
      o.runs = std::stoi(argv[i + 1]);
    else if (a == "--starts")
      o.starts = std::stoi(argv[i + 1]);
    else if (a == "--search-db")
      o.searchDb = argv[i + 1];
  }
  return o;
}

int run(const Options& o) {
  TempDir dir;
  std::printf("%-46s %9s %9s   %s\n", "host benchmark (ms)", "p50", "p99", "target");

  // (a) capture ack latency
  const Stats floorCommit = stats(sqliteCommitLatencies(dir.file("floor.db"), o.runs));
  HostProcess echo(dir, {}, {}, CASELOG_ECHO_HOST_BIN);
  const Stats floorEcho = stats(captureLatencies(echo, o.runs, 0));
  HostProcess host(dir);
  const Stats capture = stats(captureLatencies(host, o.runs, 0));
  row("(a) capture ack, new 20-message case", capture, "p99 <= 5 ms");
  row("    floor: echo host round trip", floorEcho, "");
  row("    floor: one SQLite commit, synchronous=FULL", floorCommit, "");

  // (d) cold start and memory. The browser starts the host for every connection, on a database
  // that exists; the very first start creates it (schema, several fsyncs) and is shown apart, not
  // as one of the 30 (whose p99 is their slowest).
  TempDir fresh;
  const double firstStart = coldStarts(fresh, 1, {"--no-view"}, {}, CASELOG_HOST_BIN).front();
  const Stats start = stats(coldStarts(fresh, o.starts, {"--no-view"}, {}, CASELOG_HOST_BIN));
  const std::string port = std::to_string(40000 + ::getpid() % 20000);
  const Stats startView = stats(coldStarts(fresh, o.starts, {}, {{"CASELOG_PORT", port}}, CASELOG_HOST_BIN));
  const Stats startEcho = stats(coldStarts(fresh, o.starts, {}, {}, CASELOG_ECHO_HOST_BIN));
  row("(d) cold start to hello answer", start, "p99 <= 15 ms");
  row("    with the history view starting", startView, "");
  row("    floor: echo host spawn to echo", startEcho, "");
  std::printf("%-46s %9.3f\n", "    the first start (creates the database)", firstStart);

  std::map<std::string, std::string> env;
  if (!o.searchDb.empty()) env["CASELOG_DB"] = o.searchDb;
  HostProcess idle(dir, {"--no-view"}, env);
  idle.request({{"type", "hello"}, {"id", "1"}});
  const long idleKb = rssKb(idle.pid());
  const std::vector<std::string> queries = {"inventory",  "main image",   "\"fulfillment center\"",
                                            "B08XYZ1234", "FBA15XYZ1AB2", "reimbursement AND shipment",
                                            "please",     "suppressed"};
  std::vector<double> searchMs;
  for (int i = 0; i < 200; ++i) {
    searchMs.push_back(timeMs([&] {
      idle.request({{"type", "search"}, {"query", queries[i % queries.size()]}});
    }));
  }
  const long afterKb = rssKb(idle.pid());
  row("    search round trips (200, mixed queries)", stats(searchMs), "");
  std::printf("%-46s %9.1f MiB idle, %.1f MiB after the searches (%s)\n", "(d) host RSS", idleKb / 1024.0,
              afterKb / 1024.0, o.searchDb.empty() ? "capture-bench database" : o.searchDb.c_str());
  return 0;
}

}  // namespace
}  // namespace caselog::bench

int main(int argc, char** argv) {
  try {
    return caselog::bench::run(caselog::bench::parse(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "host_bench: " << e.what() << "\n";
    return 1;
  }
}
