// Import benchmark (issue 2, 10c): CaseService::importSnapshots — the core of `caselog import` —
// in message rows per second, beside the sqlite3 CLI's `.import` of the same rows (as CSV) into
// the same `messages` table of a fresh CaseLog file, then indexed for search in the same run
// (`INSERT INTO message_fts(message_fts) VALUES('rebuild')`): the rows stored and searchable.
// CaseLog's import does more per row: validation, dedupe, the hash-chained audit event with a
// content hash, identifier extraction and category inference; then, as a second phase of the
// same `caselog import` command, the priority/generic-reply assessment (reassessOverdue). Both
// phases are timed, apart and together.
//
// Usage: import_bench [--dir DIR] [--cases N] [--replies N]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "bench/corpus.hpp"
#include "domain/config.hpp"
#include "service/case_service.hpp"
#include "storage/store.hpp"

namespace caselog::bench {
namespace {

std::string csvField(const std::string& s) {
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// The same rows as CSV for `.import`: id, case_id, author, sender, sent_at, body, captured_at,
// version, supersedes, current.
void writeCsv(const std::vector<CaseSnapshot>& snapshots, const std::string& path) {
  std::ofstream out(path);
  std::int64_t id = 0;
  for (const auto& s : snapshots)
    for (const auto& m : s.messages) {
      const auto sent = parseIso8601(m.sentAt)->time_since_epoch().count();
      out << ++id << ',' << s.caseId << ',' << m.author << ',' << csvField(m.sender) << ',' << sent << ','
          << csvField(m.body) << ',' << sent << ",1,,1\n";
    }
}

double seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// CPU seconds (user + system) of this process or of its finished children. The machine may be
// shared: CPU time is the steadier comparison, wall time the one a user feels.
double cpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  auto secs = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

}  // namespace
}  // namespace caselog::bench

int main(int argc, char** argv) {
  using namespace caselog;
  using namespace caselog::bench;
  std::string dir = "/tmp/caselog-bench/import";
  std::size_t cases = 10000;
  int replies = 10;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--dir")
      dir = v;
    else if (a == "--cases")
      cases = std::stoul(v);
    else if (a == "--replies")
      replies = std::stoi(v);
    else {
      std::cerr << "usage: import_bench [--dir DIR] [--cases N] [--replies N]\n";
      return 2;
    }
  }
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);

  const Corpus corpus(42, replies);
  std::vector<CaseSnapshot> snapshots;
  std::size_t rows = 0;
  for (std::size_t i = 0; i < cases; ++i) {
    snapshots.push_back(corpus.makeCase(i).snapshot);
    rows += snapshots.back().messages.size();
  }

  // CaseLog: the service's import into a fresh store.
  double hostSecs = 0, hostCpu = 0, assessSecs = 0, assessCpu = 0;
  {
    auto store = openSqliteStore(dir + "/caselog.db");
    const Config config = Config::defaults();
    CaseService service(*store, config, systemClock());
    CaptureSource source;
    source.page = "import";
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = cpuSeconds(RUSAGE_SELF);
    const auto out = service.importSnapshots(snapshots, source, [&](const ImportProgress& p) {
      std::fprintf(stderr, "\rimporting: %zu / %zu", p.done, p.total);
    });
    hostSecs = seconds(t0);
    hostCpu = cpuSeconds(RUSAGE_SELF) - cpu0;
    std::fprintf(stderr, "\n");
    const auto t1 = std::chrono::steady_clock::now();
    const double cpu1 = cpuSeconds(RUSAGE_SELF);
    const std::size_t assessed = service.reassessOverdue();
    assessSecs = seconds(t1);
    assessCpu = cpuSeconds(RUSAGE_SELF) - cpu1;
    if (assessed != cases) {
      std::cerr << "assessed " << assessed << " cases of " << cases << "\n";
      return 1;
    }
    if (out.failed || out.newMessages != rows) {
      std::cerr << "import lost rows: " << out.newMessages << " of " << rows << ", failed " << out.failed
                << "\n";
      return 1;
    }
  }

  // Floor: the sqlite3 CLI importing the same rows into the same table of a fresh store file.
  const std::string floorDb = dir + "/floor.db", csv = dir + "/rows.csv";
  { auto schema = openSqliteStore(floorDb); }
  writeCsv(snapshots, csv);
  const auto tf = std::chrono::steady_clock::now();
  const double childCpu0 = cpuSeconds(RUSAGE_CHILDREN);
  const std::string cmd =
      "sqlite3 '" + floorDb + "' 'PRAGMA synchronous=FULL' '.import --csv " + csv + " messages' " +
      "\"INSERT INTO message_fts(message_fts) VALUES('rebuild')\"";
  if (std::system(cmd.c_str()) != 0) {
    std::cerr << "sqlite3 CLI import failed\n";
    return 1;
  }
  const double floorSecs = seconds(tf);
  const double floorCpu = cpuSeconds(RUSAGE_CHILDREN) - childCpu0;

  const auto n = static_cast<double>(rows);
  std::printf("Import of %zu cases, %zu message rows\n", cases, rows);
  std::printf("%-34s %9s %12s %9s %12s\n", "", "wall s", "rows/s", "CPU s", "rows/CPU-s");
  auto row = [&](const char* what, double secs, double cpu) {
    std::printf("%-34s %9.2f %12.0f %9.2f %12.0f\n", what, secs, n / secs, cpu, n / cpu);
  };
  row("caselog import: store+index+audit", hostSecs, hostCpu);
  row("  then assessment (priorities…)", assessSecs, assessCpu);
  row("  the whole command", hostSecs + assessSecs, hostCpu + assessCpu);
  std::printf("%-34s %9.2f %12.0f %9.2f %12.0f\n", "sqlite3 CLI .import (same rows)", floorSecs,
              n / floorSecs, floorCpu, n / floorCpu);
  std::printf("ratio caselog / sqlite3, storing phase: %.2fx wall, %.2fx CPU (target >= 0.7x)\n",
              floorSecs / hostSecs, floorCpu / hostCpu);
  std::printf("ratio caselog / sqlite3, whole command: %.2fx wall, %.2fx CPU\n",
              floorSecs / (hostSecs + assessSecs), floorCpu / (hostCpu + assessCpu));
  return 0;
}
