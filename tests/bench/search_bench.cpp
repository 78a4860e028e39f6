// Search benchmark (issue 2, 10b): p50/p99 per query class over 1,000,000 Amazon replies in
// 100,000 cases (2M messages), CaseLog's search beside the naive FTS5 query
//   SELECT rowid, snippet(…) FROM message_fts WHERE message_fts MATCH ? ORDER BY rank LIMIT 20
// run by the sqlite3 CLI on the same file.
//
// Usage: search_bench [--db PATH] [--cases N] [--replies N] [--runs N] [--naive-runs N]
// The corpus is generated once into PATH (default /tmp/caselog-bench/search.db) and reused.
// Generation writes the store's own schema through SQL (no audit events: search does not read them).
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bench/corpus.hpp"
#include "storage/sqlite_db.hpp"
#include "storage/store.hpp"

namespace caselog::bench {
namespace {

struct Options {
  std::string db = "/tmp/caselog-bench/search.db";
  std::size_t cases = 100000;
  int replies = 10;
  int runs = 200;
  int naiveRuns = 20;
};

std::int64_t countMessages(const std::string& path) {
  sqlite::Db db(path, false);
  sqlite::Stmt st(db, "SELECT count(*) FROM messages");
  return st.step() ? st.int64(0) : 0;
}

void generate(const Options& o) {
  std::filesystem::create_directories(std::filesystem::path(o.db).parent_path());
  std::filesystem::remove(o.db);
  { auto store = openSqliteStore(o.db); }  // schema
  sqlite::Db db(o.db, false);
  db.exec("PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL; PRAGMA cache_size = -200000;");
  const Corpus corpus(42, o.replies);
  const auto started = std::chrono::steady_clock::now();
  db.exec("BEGIN");
  for (std::size_t i = 0; i < o.cases; ++i) {
    const CorpusCase c = corpus.makeCase(i);
    const auto& s = c.snapshot;
    const auto created = parseIso8601(s.createdAt)->time_since_epoch().count();
    sqlite::Stmt ins(
        db,
        "INSERT INTO cases(case_id, subject, status_raw, status, category, created_at, updated_at, "
        "first_captured_at, last_captured_at, message_count) VALUES (?1,?2,?3,?4,'other',?5,?6,?5,?6,?7)");
    ins.bind(1, s.caseId).bind(2, s.subject).bind(3, s.status);
    ins.bind(4, s.status == "Answered" ? "answered" : "pending_amazon").bind(5, created);
    ins.bind(6, parseIso8601(s.messages.back().sentAt)->time_since_epoch().count());
    ins.bind(7, static_cast<std::int64_t>(s.messages.size())).run();
    for (const auto& m : s.messages) {
      const auto sent = parseIso8601(m.sentAt)->time_since_epoch().count();
      sqlite::Stmt msg(db,
                       "INSERT INTO messages(case_id, author, sender, sent_at, body, captured_at) "
                       "VALUES (?1,?2,?3,?4,?5,?4)");
      msg.bind(1, s.caseId).bind(2, m.author).bind(3, m.sender).bind(4, sent).bind(5, m.body).run();
    }
    if (i % 5000 == 4999) {
      db.exec("COMMIT; BEGIN");
      std::fprintf(stderr, "\rgenerating: %zu / %zu cases", i + 1, o.cases);
    }
  }
  db.exec("COMMIT");
  db.exec("INSERT INTO message_fts(message_fts) VALUES ('optimize')");
  db.exec("INSERT INTO text_fts(text_fts) VALUES ('optimize')");
  db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::fprintf(stderr, "\rgenerated %zu cases in %.0f s                    \n", o.cases, secs);
}

struct QueryClass {
  std::string name;
  std::vector<std::string> queries;  // what the user types (also valid FTS5 for the naive run)
};

std::vector<QueryClass> queryClasses(const Options& o) {
  Rng rng(7);
  std::vector<QueryClass> classes = {{"rare term", {}}, {"common term", {}}, {"two-term AND", {}},
                                     {"phrase", {}},    {"ASIN", {}},        {"shipment ID", {}}};
  const std::vector<std::string> common = {"inventory", "please",        "shipment",
                                           "units",     "reimbursement", "listing"};
  const std::vector<std::string> pairs = {"inventory units", "please shipment",       "reimbursement order",
                                          "listing image",   "fulfillment inventory", "please review"};
  const std::vector<std::string> phrases = {"\"fulfillment center\"", "\"main image\"",
                                            "\"seller support\"",     "\"business days\"",
                                            "\"lost inventory\"",     "\"next settlement\""};
  for (int i = 0; i < o.runs; ++i) {
    classes[0].queries.push_back(Corpus::rareWord(rng.below(Corpus::kRareWords)));
    classes[1].queries.push_back(common[i % common.size()]);
    classes[2].queries.push_back(pairs[i % pairs.size()]);
    classes[3].queries.push_back(phrases[i % phrases.size()]);
    classes[4].queries.push_back(Corpus::asinFor(rng.below(o.cases)));
    classes[5].queries.push_back(Corpus::shipmentFor(rng.below(o.cases)));
  }
  return classes;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto idx = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(idx, v.size() - 1)];
}

double threadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// CaseLog's search, in process, one query at a time: wall and CPU milliseconds per query (the
// machine may be shared; CPU time shows the work, wall time what the user waits).
std::vector<double> timeHost(Store& store, const std::vector<std::string>& queries, std::size_t* hits,
                             std::vector<double>* cpu = nullptr) {
  std::vector<double> ms;
  for (const auto& text : queries) {
    SearchQuery q;
    q.text = text;
    const auto t0 = std::chrono::steady_clock::now();
    const double c0 = threadCpuMs();
    const auto page = store.search(q);
    if (cpu) cpu->push_back(threadCpuMs() - c0);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    *hits += page.hits.size();
  }
  return ms;
}

std::string ftsLiteral(const std::string& q) {
  // The naive query gets the same text; IDs as phrases (as CaseLog's builder does), quotes doubled.
  std::string inner = q;
  if (inner.front() != '"') {
    std::string quoted;
    std::istringstream words(q);
    for (std::string w; words >> w;) quoted += (quoted.empty() ? "" : " ") + ("\"" + w + "\"");
    inner = quoted;
  }
  std::string sql;
  for (char c : inner) sql += c == '\'' ? std::string("''") : std::string(1, c);
  return sql;
}

// The naive query through the sqlite3 CLI with `.timer on`. Milliseconds (1 ms resolution).
std::vector<double> timeNaive(const std::string& db, const std::vector<std::string>& queries) {
  const std::string script = db + ".naive.sql", out = db + ".naive.out";
  {
    std::ofstream sql(script);
    sql << ".timer on\n.output /dev/null\n";
    for (const auto& q : queries)
      sql << "SELECT rowid, snippet(message_fts, 0, '[', ']', '...', 16) FROM message_fts WHERE message_fts "
             "MATCH '"
          << ftsLiteral(q) << "' ORDER BY rank LIMIT 20;\n";
  }
  const std::string cmd = "sqlite3 '" + db + "' < '" + script + "' > '" + out + "' 2>&1";
  if (std::system(cmd.c_str()) != 0) std::cerr << "sqlite3 CLI failed; see " << out << "\n";
  std::vector<double> ms;
  std::ifstream in(out);
  for (std::string line; std::getline(in, line);) {
    double real = 0;
    if (std::sscanf(line.c_str(), "Run Time: real %lf", &real) == 1) ms.push_back(real * 1000);
  }
  return ms;
}

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i], v = argv[i + 1];
    if (a == "--db")
      o.db = v;
    else if (a == "--cases")
      o.cases = std::stoul(v);
    else if (a == "--replies")
      o.replies = std::stoi(v);
    else if (a == "--runs")
      o.runs = std::stoi(v);
    else if (a == "--naive-runs")
      o.naiveRuns = std::stoi(v);
    else {
      std::cerr << "usage: search_bench [--db PATH] [--cases N] [--replies N] [--runs N] [--naive-runs N]\n";
      std::exit(2);
    }
  }
  return o;
}

}  // namespace
}  // namespace caselog::bench

int main(int argc, char** argv) {
  using namespace caselog;
  using namespace caselog::bench;
  const Options o = parse(argc, argv);
  const auto want = static_cast<std::int64_t>(o.cases) * o.replies * 2;
  if (!std::filesystem::exists(o.db) || countMessages(o.db) != want) generate(o);
  auto store = openSqliteStore(o.db);
  const auto classes = queryClasses(o);
  for (const auto& c : classes) {  // warm the page cache once per class
    std::size_t ignored = 0;
    timeHost(*store, {c.queries.begin(), c.queries.begin() + std::min<std::size_t>(5, c.queries.size())},
             &ignored);
  }
  std::printf("Search over %zu cases, %lld messages (%lld Amazon replies)\n", o.cases,
              static_cast<long long>(want), static_cast<long long>(want / 2));
  std::printf("%-14s %11s %11s %11s %11s %7s %13s %13s\n", "class", "host p50 ms", "host p99 ms",
              "CPU p50 ms", "CPU p99 ms", "hits/q", "naive p50 ms", "naive p99 ms");
  for (const auto& c : classes) {
    std::size_t hits = 0;
    std::vector<double> cpu;
    const auto host = timeHost(*store, c.queries, &hits, &cpu);
    const std::vector<std::string> naiveQueries(
        c.queries.begin(), c.queries.begin() + std::min<std::size_t>(o.naiveRuns, c.queries.size()));
    const auto naive = timeNaive(o.db, naiveQueries);
    std::printf("%-14s %11.2f %11.2f %11.2f %11.2f %7.1f %13.1f %13.1f\n", c.name.c_str(),
                percentile(host, 0.5), percentile(host, 0.99), percentile(cpu, 0.5), percentile(cpu, 0.99),
                static_cast<double>(hits) / static_cast<double>(c.queries.size()), percentile(naive, 0.5),
                percentile(naive, 0.99));
  }
  return 0;
}
