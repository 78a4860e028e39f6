// caselog import FILE.jsonl|-: many snapshots, one JSON document per line, in few transactions.
#include <sys/stat.h>

#include <algorithm>
#include <exception>
#include <fstream>
#include <future>
#include <memory>
#include <system_error>
#include <optional>

#include "cli/command.hpp"
#include "cli/input.hpp"
#include "cli/json_out.hpp"
#include "cli/snapshot_json.hpp"
#include "core/error.hpp"
#include "service/case_service.hpp"

namespace caselog::cli {

namespace {

constexpr const char* kUsage = R"(Usage: caselog import FILE.jsonl [--batch N] [--json]
       caselog import - [--json]           (read stdin)

Stores many captured cases in one go: one JSON document per line, each what
'caselog capture' accepts (a case, {"page": "view-case", "case": ...} or a
case-list page). Blank lines are skipped. A bad line is reported with its line
number and skipped; the rest is imported. Progress goes to stderr.

Exit status: 0 when every line was imported (or was there already), 1 when any
line failed or the import stopped (what could be stored is stored all the same).

A full disk, or a database another program keeps locked, stops the import: it
says up to which line everything is stored, and running the same command again
goes on from there (what is stored is skipped).

  --batch N   snapshots read before they are stored (default 1000), in
              transactions of at most 500
)";

constexpr std::size_t kMaxErrorsShown = 50;

bool allDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// Progress on stderr: a live line on a terminal, otherwise a line every 10%.
class Progress {
 public:
  Progress(std::ostream& err, bool tty, std::uintmax_t totalBytes)
      : err_(err), tty_(tty), total_(totalBytes) {}
  void update(std::uintmax_t bytes, std::size_t snapshots) {
    if (total_ == 0) {
      if (!tty_ && snapshots / 10000 == reported_) return;
      reported_ = snapshots / 10000;
      print("", snapshots);
      return;
    }
    const auto pct = static_cast<unsigned>(std::min<std::uintmax_t>(100, bytes * 100 / total_));
    if (!tty_ && pct / 10 == reported_) return;
    reported_ = pct / 10;
    print(std::to_string(pct) + "% ", snapshots);
  }
  void finish() {
    if (tty_ && printed_) err_ << "\n";
  }

 private:
  void print(const std::string& pct, std::size_t snapshots) {
    err_ << (tty_ ? "\r" : "") << "importing… " << pct << "(" << snapshots << " snapshots)"
         << (tty_ ? "" : "\n");
    err_.flush();
    printed_ = true;
  }
  std::ostream& err_;
  bool tty_;
  std::uintmax_t total_;
  std::size_t reported_ = 0;
  bool printed_ = false;
};

struct Batch {
  std::vector<CaseSnapshot> snapshots;
  std::vector<std::size_t> lines;
};

class ImportCommand : public Command {
 public:
  std::string_view name() const override { return "import"; }
  std::string_view summary() const override { return "many snapshots from a JSON Lines file, with progress"; }
  std::string_view usage() const override { return kUsage; }
  bool createsDatabase() const override { return true; }
  std::vector<OptionSpec> options() const override { return {{"batch", true}}; }

  int run(Context& ctx, const ParsedArgs& args) override {
    args.expectPositionals(1, "FILE.jsonl (or - for stdin)");
    const std::string& path = args.positionals()[0];
    outcome_ = ImportOutcome{};  // the command object lives in the table: start clean
    listCases_ = 0;
    storedThrough_ = 0;
    stoppedBy_.reset();
    batchSize_ = static_cast<std::size_t>(args.getInt("batch", 1000, 1, 100000));
    std::ifstream file;
    std::uintmax_t total = 0;
    if (path != "-") {
      file = openForReading(path);
      struct stat st {};
      if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode))
        total = static_cast<std::uintmax_t>(st.st_size);
    }
    std::istream& in = path == "-" ? ctx.in : file;
    Progress progress(ctx.err, ctx.terminal.stderrTty, total);
    try {
      readLines(ctx, in, progress);
      progress.finish();
      assess(ctx);
    } catch (const StorageUnavailable& e) {
      // A full disk, a lock held too long: every later line would fail the same way.
      progress.finish();
      stoppedBy_ = e.what();
      return stopped(ctx);
    }
    report(ctx);
    return exitStatus(ctx, path);
  }

 private:
  // A non-blank line of the input: its number, the bytes read through it, its text and, once
  // parsed, its document or why it has none.
  struct Line {
    std::size_t number = 0;
    std::uintmax_t bytesThrough = 0;
    std::string text;
    CaptureDocument doc;
    std::exception_ptr error;
  };
  using Chunk = std::shared_ptr<std::vector<Line>>;

  // Lines are read on this thread and parsed on a second one, a chunk at a time: while this
  // thread stores a chunk, the next one (when the input has it at hand, as a file does) is parsed
  // (parsing is about a tenth of an import's work). Input that is not there yet (a pipe whose
  // writer is slow) is waited for only after what came before is stored, so such an import goes
  // on, or stops on a full disk, as soon as the line in hand allows.
  void readLines(Context& ctx, std::istream& in, Progress& progress) {
    Batch batch;
    std::size_t lineNo = 0;
    std::uintmax_t bytes = 0;
    // A chunk is the read-ahead, apart from the batch: at most two are held parsed at a time.
    const std::size_t chunkLines = std::clamp<std::size_t>(batchSize_, 100, 1000);
    auto atHand = [&in] { return in.rdbuf()->in_avail() > 0; };
    // Up to chunkLines non-blank lines: at least one (waiting for it), then those at hand.
    // Empty at the end of the input.
    auto readChunk = [&] {
      auto chunk = std::make_shared<std::vector<Line>>();
      std::string text;
      while (chunk->size() < chunkLines && (chunk->empty() || atHand()) && std::getline(in, text)) {
        ++lineNo;
        bytes += text.size() + 1;
        if (text.find_first_not_of(" \t\r") != std::string::npos)
          chunk->push_back({lineNo, bytes, std::move(text), {}, {}});
      }
      return chunk;
    };
    auto next = parseAhead(readChunk());
    for (;;) {
      const Chunk chunk = next.get();
      if (chunk->empty()) break;  // the end of the input
      const bool ahead = atHand();
      if (ahead) next = parseAhead(readChunk());
      for (auto& line : *chunk) {
        try {
          if (line.error) std::rethrow_exception(line.error);
          addLine(ctx, std::move(line.doc), line.number, batch);
        } catch (const StorageUnavailable&) {
          throw;
        } catch (const Error& e) {
          fail(std::string(e.what()).rfind("line ", 0) == 0
                   ? e.what()
                   : "line " + std::to_string(line.number) + ": " + e.what());
        }
        if (batch.snapshots.size() >= batchSize_) flush(ctx, batch);
        progress.update(line.bytesThrough, outcome_.snapshots + batch.snapshots.size());
      }
      if (!ahead) next = parseAhead(readChunk());
    }
    flush(ctx, batch);
    progress.update(bytes, outcome_.snapshots);
  }

  // The chunk's lines parsed on a thread of their own, or when asked for if no thread can be had.
  static std::future<Chunk> parseAhead(Chunk chunk) {
    auto parse = [chunk] {
      for (auto& line : *chunk) {
        try {
          line.doc = parseCaptureDocument(parseJsonText(line.text, "line " + std::to_string(line.number)));
        } catch (...) {
          line.error = std::current_exception();
        }
        line.text = std::string();
      }
      return chunk;
    };
    try {
      return std::async(std::launch::async, parse);
    } catch (const std::system_error&) {
      return std::async(std::launch::deferred, parse);
    }
  }

  void addLine(Context& ctx, CaptureDocument parsed, std::size_t lineNo, Batch& batch) {
    if (parsed.isList) {
      flush(ctx, batch);  // keep the file's order
      CaptureSource source = parsed.source;
      source.page = "import";
      const auto o = ctx.service.captureList(parsed.listEntries, source);
      listCases_ += static_cast<std::size_t>(o.cases);
      storedThrough_ = lineNo;
      return;
    }
    CaseSnapshot& s = parsed.cases.front();
    if (!allDigits(s.caseId))
      throw Error(ErrorCode::bad_request, "caseId must be digits, not '" + s.caseId + "'");
    batch.snapshots.push_back(std::move(s));
    batch.lines.push_back(lineNo);
  }

  void flush(Context& ctx, Batch& batch) {
    if (batch.snapshots.empty()) return;
    CaptureSource source;
    source.page = "import";
    const ImportOutcome o = ctx.service.importSnapshots(batch.snapshots, source);
    outcome_.snapshots += o.snapshots;
    outcome_.created += o.created;
    outcome_.newMessages += o.newMessages;
    outcome_.failed += o.failed;
    for (const auto& e : o.errors)
      outcome_.errors.push_back("in lines " + std::to_string(batch.lines.front()) + "-" +
                                std::to_string(batch.lines.back()) + ": " + e);
    if (o.handled > 0) storedThrough_ = batch.lines[o.handled - 1];
    if (o.stopped) throw StorageUnavailable(*o.stopped);
    batch = Batch{};
  }

  // The imported cases' priorities, generic-reply verdicts and reminder schedules, computed after
  // the rows are stored (importSnapshots leaves them due), with a progress line of their own;
  // first the search index is merged when the import was large (CaseService::finishImport).
  void assess(Context& ctx) {
    const bool tty = ctx.terminal.stderrTty;
    std::size_t shown = 0;
    const std::size_t n = ctx.service.finishImport(outcome_.newMessages, [&](std::size_t done) {
      if (!tty && done / 10000 == shown / 10000) return;
      shown = done;
      ctx.err << (tty ? "\r" : "") << "assessing… (" << done << " cases)" << (tty ? "" : "\n");
      ctx.err.flush();
    });
    if (tty && n > 0) ctx.err << "\n";
  }

  void fail(const std::string& message) {
    ++outcome_.failed;
    outcome_.errors.push_back(message);
  }

  // The import stopped on a StorageUnavailable: what is stored stays (each batch was its own
  // transaction), and running the same command again skips it and goes on.
  int stopped(Context& ctx) {
    report(ctx);
    ctx.err << "caselog: import stopped: " << *stoppedBy_ << "\n";
    if (storedThrough_ > 0)
      ctx.err << "caselog: every line up to line " << storedThrough_ << " is stored, except those reported as failed; ";
    else
      ctx.err << "caselog: nothing was stored; ";
    ctx.err << "run the same command again once this is fixed (what is stored is skipped)\n";
    return 1;
  }

  void report(Context& ctx) {
    if (ctx.json) {
      printJson(ctx.out, {{"snapshots", outcome_.snapshots},
                          {"created", outcome_.created},
                          {"newMessages", outcome_.newMessages},
                          {"listCases", listCases_},
                          {"failed", outcome_.failed},
                          {"errors", outcome_.errors},
                          {"stopped", stoppedBy_ ? nlohmann::json(*stoppedBy_) : nlohmann::json(nullptr)},
                          {"storedThroughLine", storedThrough_}});
    }
    for (std::size_t i = 0; i < outcome_.errors.size() && i < kMaxErrorsShown; ++i)
      ctx.err << "caselog: " << outcome_.errors[i] << "\n";
    if (outcome_.errors.size() > kMaxErrorsShown)
      ctx.err << "caselog: … and " << outcome_.errors.size() - kMaxErrorsShown << " more\n";
    if (!ctx.json) {
      ctx.out << "Imported " << outcome_.snapshots << " snapshot" << (outcome_.snapshots == 1 ? "" : "s")
              << ": " << outcome_.created << " new cases, " << outcome_.newMessages << " new messages";
      if (listCases_ > 0) ctx.out << ", " << listCases_ << " case-list rows";
      if (outcome_.failed > 0) ctx.out << "; " << outcome_.failed << " failed";
      ctx.out << "\n";
    }
  }

  // 1 when any line failed, so a script notices; the lines that could be stored are stored.
  int exitStatus(Context& ctx, const std::string& path) {
    if (outcome_.failed == 0) return 0;
    ctx.out.flush();
    const std::string name = path == "-" ? "stdin" : path;
    if (outcome_.snapshots == 0 && listCases_ == 0)
      ctx.err << "caselog: nothing in " << name << " could be imported\n";
    else
      ctx.err << "caselog: " << outcome_.failed << " of the lines in " << name
              << " could not be imported (see above); the others are stored\n";
    return 1;
  }

  std::size_t batchSize_ = 1000;
  ImportOutcome outcome_;
  std::size_t listCases_ = 0;
  std::size_t storedThrough_ = 0;        // the last line handled (stored or failed) so far
  std::optional<std::string> stoppedBy_;  // the storage error that stopped the import
};

}  // namespace

std::unique_ptr<Command> makeImportCommand() {
  return std::make_unique<ImportCommand>();
}

}  // namespace caselog::cli
