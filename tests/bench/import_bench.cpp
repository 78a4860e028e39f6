// Import benchmark (issue 2, 10c): `caselog import` in message rows per second, beside the
// sqlite3 CLI's `.import` of the same rows (as CSV) into the same `messages` table of a fresh
// CaseLog file, then indexed for search in the same run
// (`INSERT INTO message_fts(message_fts) VALUES('rebuild')`): the rows stored and searchable.
// CaseLog's import does more per row: validation, dedupe, the content hash that the snapshot's
// hash-chained audit event lists, identifier extraction and category inference; then, as a second
// phase of the same command, the search-index merge and the priority/generic-reply assessment
// (CaseService::finishImport). Both phases are timed in-process, apart and together; with
// --caselog the real command runs too, on the same rows as JSONL (parsing included).
// A second floor puts that extra work in numbers: the sqlite3 CLI importing every row CaseLog's
// import wrote, in every table (cases, events, identifiers, verdicts, bands, schedules and the
// subject index beside the messages), read back from CaseLog's file as CSV, the message index
// rebuilt as in the first. It is what a CaseLog that spent no time at all outside SQLite would
// take, as measured by the same tool as the first floor. It errs in sqlite3's favour: CSV has no
// NULL (a NULL column arrives as ''), so foreign keys cannot be checked there as CaseLog has them.
// Every timing includes closing the file, which copies the WAL into it: sqlite3 does on exit,
// CaseLog's store when it is destroyed.
//
// Usage: import_bench [--dir DIR] [--cases N] [--replies N] [--runs N] [--caselog BIN]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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

// One snapshot per line, as `caselog import` reads it (a bare case object).
void writeJsonl(const std::vector<CaseSnapshot>& snapshots, const std::string& path) {
  std::ofstream out(path);
  for (const auto& s : snapshots) {
    nlohmann::json messages = nlohmann::json::array();
    for (const auto& m : s.messages)
      messages.push_back({{"author", m.author}, {"sender", m.sender}, {"sentAt", m.sentAt}, {"body", m.body}});
    out << nlohmann::json{{"caseId", s.caseId},       {"marketplace", s.marketplace}, {"subject", s.subject},
                          {"status", s.status},       {"category", s.category},       {"createdAt", s.createdAt},
                          {"updatedAt", s.updatedAt}, {"messages", messages}}
               .dump()
        << "\n";
  }
}

struct Timing {
  double wall = 0;
  double cpu = 0;
};

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

Timing medianOf(const std::vector<Timing>& runs) {
  std::vector<double> wall, cpu;
  for (const auto& t : runs) {
    wall.push_back(t.wall);
    cpu.push_back(t.cpu);
  }
  return {median(wall), median(cpu)};
}

// A shell command, timed (wall, and CPU of the finished child).
Timing timeCommand(const std::string& cmd) {
  const auto t0 = std::chrono::steady_clock::now();
  const double cpu0 = cpuSeconds(RUSAGE_CHILDREN);
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("failed: " + cmd);
  return {seconds(t0), cpuSeconds(RUSAGE_CHILDREN) - cpu0};
}

// The tables an import writes rows to (the schema's own bookkeeping aside: meta, FTS shadows), a
// table after those its foreign keys point to.
const std::vector<std::string> kImportedTables = {"marketplaces", "accounts",        "cases",
                                                  "messages",    "events",           "identifiers",
                                                  "text_fts",    "generic_verdicts", "reply_bands",
                                                  "reminder_schedule"};

// The row count of each of those tables in `db`, as one line of text.
std::string rowCounts(const std::string& db) {
  std::string sql = "SELECT ''";
  for (const auto& t : kImportedTables) sql += " || ' " + t + " ' || (SELECT count(*) FROM " + t + ")";
  const std::string cmd = "sqlite3 '" + db + "' \"" + sql + "\"";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[512];
    while (std::fgets(buf, sizeof buf, p)) out += buf;
    if (::pclose(p) != 0) out.clear();
  }
  if (out.empty()) throw std::runtime_error("failed: " + cmd);
  return out.substr(0, out.find_last_not_of('\n') + 1);
}

// Every row of those tables in `db`, one CSV file each in `dir`.
void exportTables(const std::string& db, const std::string& dir) {
  std::string cmd = "sqlite3 -csv '" + db + "'";
  for (const auto& t : kImportedTables) cmd += " '.once " + dir + "/" + t + ".csv' 'SELECT * FROM " + t + "'";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("failed: " + cmd);
}

// The sqlite3 command that imports those files into `db` (CaseLog's schema, empty), in one
// transaction as `.import` does with one file, then builds the message index as the first floor
// does.
std::string importTablesCommand(const std::string& db, const std::string& dir) {
  std::string cmd = "sqlite3 '" + db + "' 'PRAGMA synchronous=FULL' 'BEGIN'";
  for (const auto& t : kImportedTables) cmd += " '.import --csv " + dir + "/" + t + ".csv " + t + "'";
  return cmd + " 'COMMIT' \"INSERT INTO message_fts(message_fts) VALUES('rebuild')\"";
}

}  // namespace
}  // namespace caselog::bench

int main(int argc, char** argv) {
  using namespace caselog;
  using namespace caselog::bench;
  std::string dir = "/tmp/caselog-bench/import", caselogBin;
  std::size_t cases = 10000;
  int replies = 10, runs = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--dir")
      dir = v;
    else if (a == "--cases")
      cases = std::stoul(v);
    else if (a == "--replies")
      replies = std::stoi(v);
    else if (a == "--runs")
      runs = std::max(1, std::stoi(v));
    else if (a == "--caselog")
      caselogBin = v;
    else {
      std::cerr << "usage: import_bench [--dir DIR] [--cases N] [--replies N] [--runs N] [--caselog BIN]\n";
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
  const std::string csv = dir + "/rows.csv", jsonl = dir + "/cases.jsonl";
  writeCsv(snapshots, csv);
  writeJsonl(snapshots, jsonl);

  // Each run: the service's import into a fresh store (its two phases timed apart), the sqlite3
  // CLI importing the same rows into a fresh file, and with --caselog the real command. The
  // machine may be shared: runs are interleaved and the median is reported.
  std::vector<Timing> storing, assessing, floor, floorAll, command;
  for (int run = 0; run < runs; ++run) {
    const std::string db = dir + "/caselog.db", floorDb = dir + "/floor.db", cliDb = dir + "/cli.db",
                      allDb = dir + "/floor-all.db";
    for (const auto& f : {db, floorDb, cliDb, allDb})
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(f + suffix);
    {
      auto store = openSqliteStore(db);
      const Config config = Config::defaults();
      auto service = std::make_unique<CaseService>(*store, config, systemClock());
      CaptureSource source;
      source.page = "import";
      auto t0 = std::chrono::steady_clock::now();
      double cpu0 = cpuSeconds(RUSAGE_SELF);
      const auto out = service->importSnapshots(snapshots, source, [&](const ImportProgress& p) {
        std::fprintf(stderr, "\rrun %d: importing %zu / %zu", run + 1, p.done, p.total);
      });
      storing.push_back({seconds(t0), cpuSeconds(RUSAGE_SELF) - cpu0});
      t0 = std::chrono::steady_clock::now();
      cpu0 = cpuSeconds(RUSAGE_SELF);
      const std::size_t assessed = service->finishImport(out.newMessages);
      service.reset();
      store.reset();  // closing checkpoints the WAL into the file, as the floors' sqlite3 does on exit
      assessing.push_back({seconds(t0), cpuSeconds(RUSAGE_SELF) - cpu0});
      std::fprintf(stderr, "\n");
      if (assessed != cases || out.failed || out.newMessages != rows) {
        std::cerr << "import lost work: " << out.newMessages << " of " << rows << " rows, " << assessed
                  << " of " << cases << " cases assessed, " << out.failed << " failed\n";
        return 1;
      }
    }
    { auto schema = openSqliteStore(floorDb); }  // the same schema, empty
    floor.push_back(timeCommand("sqlite3 '" + floorDb + "' 'PRAGMA synchronous=FULL' '.import --csv " + csv +
                                " messages' \"INSERT INTO message_fts(message_fts) VALUES('rebuild')\""));
    if (run == 0) exportTables(db, dir);
    { auto schema = openSqliteStore(allDb); }
    floorAll.push_back(timeCommand(importTablesCommand(allDb, dir)));
    if (rowCounts(allDb) != rowCounts(db)) {
      std::cerr << "the second floor did not store every row: " << rowCounts(allDb) << " against " << rowCounts(db)
                << "\n";
      return 1;
    }
    if (!caselogBin.empty())
      command.push_back(timeCommand("'" + caselogBin + "' --db '" + cliDb + "' import '" + jsonl + "' >/dev/null"));
  }

  const auto n = static_cast<double>(rows);
  const Timing store = medianOf(storing), assess = medianOf(assessing), base = medianOf(floor);
  const Timing whole{store.wall + assess.wall, store.cpu + assess.cpu};
  std::printf("Import of %zu cases, %zu message rows (median of %d runs)\n", cases, rows, runs);
  std::printf("%-40s %8s %10s %7s %8s %10s %7s\n", "", "wall s", "rows/s", "x floor", "CPU s", "rows/CPU-s",
              "x floor");
  auto row = [&](const char* what, Timing t) {
    std::printf("%-40s %8.2f %10.0f %6.2fx %8.2f %10.0f %6.2fx\n", what, t.wall, n / t.wall, base.wall / t.wall,
                t.cpu, n / t.cpu, base.cpu / t.cpu);
  };
  row("importSnapshots: store+index+audit", store);
  row("  then index merge + assessment", assess);
  row("  both phases", whole);
  if (!command.empty()) row("`caselog import FILE.jsonl` (process)", medianOf(command));
  row("sqlite3 CLI .import + FTS rebuild", base);
  row("  the same, every row CaseLog wrote", medianOf(floorAll));
  std::printf("x floor = sqlite3's seconds / CaseLog's, in wall time (rows/s, what a user waits) and in CPU time\n"
              "(steadier when the machine is shared; the command reads ahead on a second thread, so it spends\n"
              "more CPU than wall time).\n"
              "Target 10(c): >= 0.7x. The last row is what sqlite3 itself reaches storing the rows CaseLog stores.\n");
  return 0;
}
