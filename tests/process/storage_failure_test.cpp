// The database failing under the host and the CLI, for real: a write lock another program holds,
// and a full disk (a small tmpfs mounted in a user and mount namespace of the host's own). Each
// failure is a `storage` error the extension keeps the capture for (docs/PROTOCOL.md), says what
// happened in words a seller can act on, and loses nothing acknowledged; once the cause is gone
// the same request is stored.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "core/time.hpp"
#include "process/cli_support.hpp"
#include "process/support.hpp"
#include "storage/sqlite_db.hpp"

namespace caselog::test {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// A capture of `messages` messages that each need about `bodyBytes` bytes.
nlohmann::json capture(const std::string& caseId, int messages = 4, std::size_t bodyBytes = 0) {
  return captureRequest("c" + caseId, sampleCase(caseId, messages, bodyBytes));
}

nlohmann::json caseRequest(const std::string& caseId) {
  return {{"type", "case"}, {"id", "case-" + caseId}, {"caseId", caseId}};
}

TEST(StorageFailure, AWriteLockHeldTooLongIsAStorageErrorAndTheRetryIsStored) {
  TempDir dir;
  // The host's timer ticks every 0.2 s, and "now" is far past the cases' last messages, so each
  // tick finds a reminder due: one that has already gone out, by the time the lock is taken.
  writeFile(dir.file("config.json"), R"({"host": {"reminderIntervalSeconds": 0.2}})");
  HostProcess host(dir, {"--no-view"}, {{"CASELOG_NOW", "2027-06-01T12:00:00Z"}});
  ASSERT_EQ(host.request(capture("9100"))["type"], "ack") << host.stderrText();
  ASSERT_EQ(host.request(capture("9099", 1))["type"], "ack");  // one seller message: Amazon silent since
  bool pushed = !host.pushes().empty();
  while (!pushed) {
    const auto frame = host.readFrame(10s);
    ASSERT_TRUE(frame) << "no reminder was pushed: " << host.stderrText();
    pushed = (*frame)["type"] == "reminder";
  }
  writeFile(dir.file("one.json"), sampleCase("9102").dump());

  // Another program takes the write lock and keeps it (as `sqlite3 caselog.db` with BEGIN would).
  sqlite::Db other(dir.dbPath(), false);
  other.exec("BEGIN IMMEDIATE");

  // The CLI waits at the same time, in its own process.
  RunResult cliResult;
  std::thread cliCapture([&] { cliResult = cli(dir, {"capture", dir.file("one.json")}); });
  const auto t0 = Clock::now();
  const auto refused = host.request(capture("9101"), 30s);
  const double waited = secondsSince(t0);
  cliCapture.join();

  EXPECT_EQ(refused["type"], "error") << refused;
  EXPECT_EQ(refused["code"], "storage") << refused;
  const std::string message = refused.value("message", "");
  EXPECT_TRUE(contains(message, "locked by another writer")) << message;
  EXPECT_TRUE(contains(message, dir.dbPath())) << message;
  // It waited for the lock (5 s), and answered well before the extension's 15 s request timeout.
  EXPECT_GT(waited, 4.5);
  EXPECT_LT(waited, 10.0);
  EXPECT_EQ(cliResult.exitCode, 1) << cliResult.out << cliResult.err;
  EXPECT_TRUE(contains(cliResult.err, "locked by another writer")) << cliResult.err;
  EXPECT_EQ(lineCount(cliResult.err), 1u) << cliResult.err;

  // The host still serves at once: its timer, ticking meanwhile, asks for no write lock when it
  // has nothing to write (the due reminder went out before), and reads are not blocked by a
  // writer (WAL).
  std::this_thread::sleep_for(1s);
  const auto t2 = Clock::now();
  EXPECT_EQ(host.request({{"type", "hello"}, {"id", "h"}, {"protocol", 1}})["type"], "hello");
  EXPECT_EQ(host.request(caseRequest("9100"))["type"], "case");
  EXPECT_LT(secondsSince(t2), 3.0) << "the host waited for the lock again: " << host.stderrText();

  // A lock released while the capture waits: the capture is stored, late but without an error.
  std::thread release([&] {
    std::this_thread::sleep_for(1500ms);
    other.exec("ROLLBACK");
  });
  const auto t1 = Clock::now();
  const auto stored = host.request(capture("9101"), 30s);
  const double late = secondsSince(t1);
  release.join();
  EXPECT_EQ(stored["type"], "ack") << stored;
  EXPECT_GT(late, 1.0);

  const auto retried = cli(dir, {"capture", dir.file("one.json")});
  EXPECT_EQ(retried.exitCode, 0) << retried.err;
  for (const char* id : {"9100", "9101", "9102"}) {
    const auto c = host.request(caseRequest(id));
    ASSERT_EQ(c["type"], "case") << c;
    EXPECT_EQ(c["case"]["messageCount"], id == std::string("9102") ? 2 : 4) << id;
  }
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0);
  EXPECT_EQ(cli(dir, {"verify"}).exitCode, 0);
}

// A reminder comes due while another program holds the write lock (an import, `sqlite3` with a
// transaction open): the host's timer does not wait for the lock to fire it, since every request
// would wait too, and fires it once the lock is free. Before, each tick held the host up 5 s.
TEST(StorageFailure, AReminderDueUnderAHeldLockWaitsForItWithoutHoldingUpRequests) {
  TempDir dir;
  writeFile(dir.file("config.json"), R"({"host": {"reminderIntervalSeconds": 0.2}})");
  const std::map<std::string, std::string> farFuture = {{"CASELOG_NOW", "2027-06-01T12:00:00Z"}};
  writeFile(dir.file("one.json"), sampleCase("9201", 1).dump());  // one seller message: Amazon silent since
  const auto captured = cli(dir, {"capture", dir.file("one.json")}, {}, farFuture);
  ASSERT_EQ(captured.exitCode, 0) << captured.err;

  sqlite::Db other(dir.dbPath(), false);
  other.exec("BEGIN IMMEDIATE");
  HostProcess host(dir, {"--no-view"}, farFuture);
  for (int i = 0; i < 4; ++i) {  // over a second and a half: the timer ticks every 0.2 s meanwhile
    std::this_thread::sleep_for(300ms);
    const auto t0 = Clock::now();
    EXPECT_EQ(host.request(caseRequest("9201"))["type"], "case");
    EXPECT_LT(secondsSince(t0), 3.0) << "the request waited for the lock (5 s): " << host.stderrText();
  }
  EXPECT_TRUE(host.pushes().empty()) << "a reminder went out that could not be recorded";
  EXPECT_EQ(host.stderrText(), "");  // nothing failed: the reminder is only put off

  other.exec("ROLLBACK");
  int reminders = 0;
  while (const auto frame = host.readFrame(reminders == 0 ? 10s : 1s))
    if ((*frame)["type"] == "reminder") {
      EXPECT_EQ((*frame)["caseId"], "9201");
      ++reminders;
    }
  EXPECT_EQ(reminders, 1) << host.stderrText();
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0);
  EXPECT_EQ(cli(dir, {"verify"}).exitCode, 0);
}

// An import reading from a pipe whose writer has more to send, later: a held lock stops it after
// the lock wait, with the lines it has, instead of waiting for the input first (the next lines
// are read ahead only when they are at hand).
TEST(StorageFailure, AnImportFromAPipeStopsOnALockWithoutWaitingForMoreInput) {
  TempDir dir;
  ASSERT_EQ(cli(dir, {"import", "-"}, sampleCase("9300").dump() + "\n").exitCode, 0);  // the file exists
  const std::string fifo = dir.file("cases.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0) << std::strerror(errno);
  std::atomic<bool> imported{false};
  std::thread writer([&] {
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_CLOEXEC);  // waits for the import to open it
    if (fd < 0) return;
    const std::string line = sampleCase("9301").dump() + "\n";
    if (::write(fd, line.data(), line.size()) < 0) std::perror("fifo");
    for (int i = 0; i < 250 && !imported; ++i) std::this_thread::sleep_for(100ms);  // more to come…
    ::close(fd);
  });
  sqlite::Db other(dir.dbPath(), false);
  other.exec("BEGIN IMMEDIATE");
  const auto t0 = Clock::now();
  const auto r = cli(dir, {"import", fifo, "--batch", "1"});
  const double took = secondsSince(t0);
  imported = true;
  // Should the import never have opened the FIFO, this open lets the writer's open return.
  const int unblock = ::open(fifo.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  writer.join();
  if (unblock >= 0) ::close(unblock);
  other.exec("ROLLBACK");
  EXPECT_EQ(r.exitCode, 1) << r.err;
  EXPECT_TRUE(contains(r.err, "import stopped: the database " + dir.dbPath() + " is locked by another writer"))
      << r.err;
  EXPECT_LT(took, 15.0) << "it waited for the writer to close the pipe";
  EXPECT_GT(took, 4.0);  // the lock wait
}

// ---- a full disk ----

constexpr const char* kUnshare = "/usr/bin/unshare";
constexpr const char* kNsenter = "/usr/bin/nsenter";
// Mounts a tmpfs of SIZE on DIR in a new user and mount namespace, then runs the rest as given:
//   unshare -Urm sh -c SCRIPT sh SIZE DIR PROGRAM ARGS...
constexpr const char* kMountThenRun =
    "mount -t tmpfs -o size=\"$1\" tmpfs \"$2\" || exit 97; shift 2; exec \"$@\"";

std::vector<std::string> onSmallDisk(const std::string& size, const std::string& dir,
                                     std::vector<std::string> program) {
  std::vector<std::string> argv = {"-Urm", "sh", "-c", kMountThenRun, "sh", size, dir};
  argv.insert(argv.end(), program.begin(), program.end());
  return argv;
}

// Whether this machine lets an unprivileged process mount a tmpfs in its own namespaces.
bool smallDisksWork(const TempDir& dir) {
  if (!std::filesystem::exists(kUnshare) || !std::filesystem::exists(kNsenter)) return false;
  std::filesystem::create_directory(dir.file("probe"));
  std::vector<std::string> argv = onSmallDisk("64k", dir.file("probe"), {"true"});
  argv.insert(argv.begin(), kUnshare);
  return runProcess(argv, childEnvironment(dir)).exitCode == 0;
}

// Fills the file system holding `path` (seen through /proc/PID/root, in the host's namespace).
void fillDisk(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0) << path << ": " << std::strerror(errno);
  const std::string block(4096, 'x');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  EXPECT_EQ(errno, ENOSPC);
  ::close(fd);
}

// Runs `script` with /bin/sh in a namespace of its own where `disk` is a tmpfs of `size`; the
// script gets `args` as $1… and leaves what it saw in files, read back with fileIn().
RunResult runOnSmallDisk(const TempDir& dir, const std::string& size, const std::string& disk,
                         const std::string& script, const std::vector<std::string>& args) {
  std::filesystem::create_directory(disk);
  writeFile(dir.file("steps.sh"), script);
  std::vector<std::string> program = {"/bin/sh", dir.file("steps.sh")};
  program.insert(program.end(), args.begin(), args.end());
  std::vector<std::string> argv = onSmallDisk(size, disk, program);
  argv.insert(argv.begin(), kUnshare);
  return runProcess(argv, childEnvironment(dir), {}, 120s);
}

// The start of a script for runOnSmallDisk, run with the CLI, the disk and the folder its results
// go to ($1, $2, $3; more arguments after). `step NAME ARGS…` runs the CLI on the disk's database
// and leaves NAME.out, NAME.err and NAME.code there.
constexpr const char* kCliSteps =
    "cli=\"$1\"; db=\"$2\"/caselog.db; cd \"$3\" || exit 1\n"
    "step() { name=$1; shift; \"$cli\" --db \"$db\" \"$@\" >$name.out 2>$name.err; echo $? >$name.code; }\n";

std::string fileIn(const TempDir& dir, const char* name) {
  std::ifstream in(dir.file(name));
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(StorageFailure, AFullDiskIsAStorageErrorAndTheHostGoesOnOnceThereIsSpace) {
  TempDir dir;
  if (!smallDisksWork(dir)) GTEST_SKIP() << "no user namespaces here to mount a small tmpfs in";
  const std::string disk = dir.file("disk");
  std::filesystem::create_directory(disk);
  const std::string db = disk + "/caselog.db";
  HostProcess host(dir, onSmallDisk("1m", disk, {CASELOG_HOST_BIN, "--no-view", "--db", db}), {}, kUnshare);
  const auto hello = host.request({{"type", "hello"}, {"id", "h"}, {"protocol", 1}});
  ASSERT_EQ(hello["type"], "hello") << hello << host.stderrText();
  ASSERT_EQ(hello["db"], db);
  ASSERT_EQ(host.request(capture("9200"))["type"], "ack") << host.stderrText();

  const std::string filler = "/proc/" + std::to_string(host.pid()) + "/root" + disk + "/filler";
  fillDisk(filler);
  for (int attempt = 0; attempt < 2; ++attempt) {
    const auto refused = host.request(capture("9201", 40, 1000));
    EXPECT_EQ(refused["type"], "error") << refused;
    EXPECT_EQ(refused["code"], "storage") << refused;
    EXPECT_TRUE(contains(refused.value("message", ""), "no space left on the disk that holds " + db)) << refused;
  }
  EXPECT_EQ(host.request({{"type", "hello"}, {"id", "h2"}, {"protocol", 1}})["type"], "hello");
  const auto before = host.request(caseRequest("9200"));
  ASSERT_EQ(before["type"], "case") << before;
  EXPECT_EQ(before["case"]["messageCount"], 4);
  const auto missing = host.request(caseRequest("9201"));
  EXPECT_EQ(missing["code"], "not_found") << missing;  // nothing of the refused capture was kept

  ASSERT_EQ(::unlink(filler.c_str()), 0) << std::strerror(errno);
  const auto stored = host.request(capture("9201", 40, 1000));
  EXPECT_EQ(stored["type"], "ack") << stored;
  EXPECT_EQ(stored["newMessages"], 40);

  // The chain is whole: checked in the host's namespace, where the small disk is.
  const auto verify = runProcess({kNsenter, "-t", std::to_string(host.pid()), "-U", "-m",
                                  "--preserve-credentials", CASELOG_CLI_BIN, "--db", db, "verify"},
                                 childEnvironment(dir));
  EXPECT_EQ(verify.exitCode, 0) << verify.out << verify.err;
  EXPECT_TRUE(contains(verify.out, "intact")) << verify.out;
  host.closeStdin();
  EXPECT_EQ(host.wait(), 0) << host.stderrText();
}

// An import that meets a full disk stops at once (it does not try every later line), says how
// far it got, keeps the batches stored before, and finishes when run again with space.
TEST(StorageFailure, AFullDiskStopsAnImportAndRunningItAgainFinishesIt) {
  TempDir dir;
  if (!smallDisksWork(dir)) GTEST_SKIP() << "no user namespaces here to mount a small tmpfs in";
  std::string lines;
  for (int i = 0; i < 400; ++i) lines += sampleCase(std::to_string(930000 + i), 6, 600).dump() + "\n";
  writeFile(dir.file("cases.jsonl"), lines);
  const std::string disk = dir.file("disk");
  // Inside the namespace: import into an almost full disk, then free it and import again.
  const std::string script = std::string(kCliSteps) +
                             "file=\"$4\"\n"
                             "dd if=/dev/zero of=\"$2\"/filler bs=1k count=10500 2>/dev/null\n"
                             "step first import --batch 50 \"$file\"\n"
                             "step first-list list --json --limit 1\n"
                             "rm \"$2\"/filler\n"
                             "step second import \"$file\" --json\n"
                             "step list list --json --limit 1\n"
                             "step verify verify\n";
  const auto run = runOnSmallDisk(dir, "12m", disk, script, {CASELOG_CLI_BIN, disk, dir.path(), dir.file("cases.jsonl")});
  ASSERT_EQ(run.exitCode, 0) << run.out << run.err;
  const auto read = [&](const char* name) { return fileIn(dir, name); };
  const std::string firstErr = read("first.err");
  EXPECT_EQ(read("first.code"), "1\n") << firstErr;
  EXPECT_TRUE(contains(firstErr, "import stopped: no space left on the disk")) << firstErr;
  EXPECT_TRUE(contains(firstErr, "is stored, except those reported as failed; run the same command again"))
      << firstErr;
  EXPECT_LE(lineCount(firstErr), 14u) << "it tried line after line:\n" << firstErr;
  // "every line up to line N is stored": exactly N cases are (one per line, none failed).
  const std::string said = "every line up to line ";
  const auto at = firstErr.find(said);
  ASSERT_NE(at, std::string::npos) << firstErr;
  const int upTo = std::stoi(firstErr.substr(at + said.size()));
  EXPECT_GT(upTo, 0);
  EXPECT_LT(upTo, 400);
  const auto firstList = nlohmann::json::parse(read("first-list.out"), nullptr, false);
  EXPECT_EQ(firstList["total"], upTo) << read("first-list.out");

  EXPECT_EQ(read("second.code"), "0\n") << read("second.err");
  const auto second = nlohmann::json::parse(read("second.out"), nullptr, false);
  ASSERT_TRUE(second.is_object()) << read("second.out");
  EXPECT_EQ(second["created"], 400 - upTo);  // what the first run stored is skipped
  EXPECT_EQ(second["failed"], 0);
  EXPECT_TRUE(second["stopped"].is_null()) << second;
  const auto list = nlohmann::json::parse(read("list.out"), nullptr, false);
  EXPECT_EQ(list["total"], 400) << read("list.out");
  EXPECT_EQ(read("verify.code"), "0\n") << read("verify.err");
}

// A demo that meets a full disk stops at once and says what to do next (before, it gave the bare
// storage error, whose "try again" the demo then refused: the file is no longer fresh), with the
// stored part whole and counted.
TEST(StorageFailure, AFullDiskStopsTheDemoWithWhatToDo) {
  TempDir dir;
  if (!smallDisksWork(dir)) GTEST_SKIP() << "no user namespaces here to mount a small tmpfs in";
  const std::string disk = dir.file("disk");
  const std::string script = std::string(kCliSteps) +
                             "step demo demo --no-serve --cases 3000\n"
                             "step list list --json --limit 1\n"
                             "step verify verify\n";
  const auto run = runOnSmallDisk(dir, "3m", disk, script, {CASELOG_CLI_BIN, disk, dir.path()});
  ASSERT_EQ(run.exitCode, 0) << run.out << run.err;
  const auto read = [&](const char* name) { return fileIn(dir, name); };
  const std::string err = read("demo.err");
  EXPECT_EQ(read("demo.code"), "1\n") << err;
  EXPECT_TRUE(contains(err, "the demo stopped: no space left on the disk that holds " + disk)) << err;
  const auto list = nlohmann::json::parse(read("list.out"), nullptr, false);
  ASSERT_TRUE(list.is_object()) << read("list.out");
  const int stored = list["total"].get<int>();
  EXPECT_GT(stored, 0);  // the batches before the full disk are kept…
  EXPECT_LT(stored, 3000);
  EXPECT_TRUE(contains(err, std::to_string(stored) + " of 3000 sample cases are stored")) << err;  // …and counted
  EXPECT_TRUE(contains(err, "once this is fixed, run the demo again with a fresh database")) << err;
  EXPECT_EQ(lineCount(err), 2u) << err;
  EXPECT_EQ(read("demo.out"), "");  // no "Demo: N cases" as if it had worked
  EXPECT_EQ(read("verify.code"), "0\n") << read("verify.err");
}

// A database on a read-only disk (or a file this user may not write: an archived evidence copy)
// is read: verify, list and search work, and a write says the file is read-only. Before, every
// command stopped at "cannot open database …: Read-only file system".
TEST(StorageFailure, AReadOnlyDatabaseCanBeVerifiedListedAndSearched) {
  TempDir dir;
  if (!smallDisksWork(dir)) GTEST_SKIP() << "no user namespaces here to mount a small tmpfs in";
  const std::string disk = dir.file("disk");
  // The cases are assessed two days ago, so that `list` finds them due for a refresh it cannot
  // store: it shows the stored priorities, with nothing on stderr.
  const std::string script = std::string(kCliSteps) +
                             "export CASELOG_NOW=\"$4\"; step demo demo --no-serve --cases 30; unset CASELOG_NOW\n"
                             "mount -o remount,ro \"$2\" || exit 1\n"
                             "step verify verify\n"
                             "step list list --json --limit 1\n"
                             "step search search reimbursed --json\n"
                             "id=$(grep -o '\"caseId\": *\"[0-9]*\"' list.out | head -1 | grep -o '[0-9][0-9]*')\n"
                             "step note note \"$id\" 'called support'\n";
  const auto twoDaysAgo = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) - std::chrono::days(2);
  const auto run = runOnSmallDisk(dir, "8m", disk, script, {CASELOG_CLI_BIN, disk, dir.path(), formatIso8601(twoDaysAgo)});
  ASSERT_EQ(run.exitCode, 0) << run.out << run.err;
  ASSERT_EQ(fileIn(dir, "demo.code"), "0\n") << fileIn(dir, "demo.err");
  const auto read = [&](const char* name) { return fileIn(dir, name); };
  EXPECT_EQ(read("verify.code"), "0\n") << read("verify.err");
  EXPECT_EQ(read("verify.out").rfind("Audit chain intact: ", 0), 0u) << read("verify.out");
  EXPECT_EQ(read("list.code"), "0\n") << read("list.err");
  EXPECT_EQ(read("list.err"), "");
  const auto list = nlohmann::json::parse(read("list.out"), nullptr, false);
  ASSERT_TRUE(list.is_object()) << read("list.out");
  EXPECT_EQ(list["total"], 30);
  EXPECT_EQ(read("search.code"), "0\n") << read("search.err");
  const auto found = nlohmann::json::parse(read("search.out"), nullptr, false);
  ASSERT_TRUE(found.is_object()) << read("search.out");
  EXPECT_FALSE(found["hits"].empty());
  EXPECT_EQ(read("note.code"), "1\n") << read("note.err");
  EXPECT_TRUE(contains(read("note.err"), "read-only")) << read("note.err");
  EXPECT_EQ(lineCount(read("note.err")), 1u) << read("note.err");
}

}  // namespace
}  // namespace caselog::test
