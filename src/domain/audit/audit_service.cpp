#include "domain/audit/audit_service.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json/object.hpp>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <system_error>
#include <utility>

#include "domain/audit/audit_log.hpp"
#include "domain/audit/audit_repo.hpp"
#include "domain/audit/audit_rules.hpp"
#include "domain/common/writer.hpp"

namespace lianyin::domain::audit {
namespace {

constexpr std::int64_t kBatch = 1000;
constexpr std::string_view kRetentionKey = "audit_retention_days";
constexpr std::string_view kAnchorIdKey = "audit_anchor_id";
constexpr std::string_view kAnchorHashKey = "audit_anchor_hash";

[[noreturn]] void ThrowErrno(const char* what, const std::filesystem::path& path) {
  throw std::system_error(errno, std::generic_category(), std::string(what) + " " + path.string());
}

// A file that appears under its name complete and on disk, or not at all: written to a
// temporary beside it, fsync'd, renamed into place, then the directory fsync'd.
class DurableFile {
 public:
  explicit DurableFile(std::filesystem::path target)
      : target_(std::move(target)), temp_(target_.string() + ".partial") {
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) ThrowErrno("cannot create", temp_);
  }
  ~DurableFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(temp_.c_str());
  }
  DurableFile(const DurableFile&) = delete;
  DurableFile& operator=(const DurableFile&) = delete;

  void Write(std::string_view data) {
    while (!data.empty()) {
      const ssize_t n = ::write(fd_, data.data(), data.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) ThrowErrno("cannot write", temp_);
      data.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  void Commit() {
    if (::fsync(fd_) != 0) ThrowErrno("cannot fsync", temp_);
    const int fd = std::exchange(fd_, -1);
    if (::close(fd) != 0) ThrowErrno("cannot close", temp_);
    if (std::rename(temp_.c_str(), target_.c_str()) != 0) ThrowErrno("cannot rename", temp_);
    std::filesystem::path dir = target_.parent_path();
    const int dir_fd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir_fd < 0) return;  // the file is in place; only the rename's durability is at stake
    ::fsync(dir_fd);
    ::close(dir_fd);
  }

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  int fd_ = -1;
};

std::optional<std::int64_t> ParseId(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc() || ptr != text->data() + text->size()) return std::nullopt;
  return id;
}

// Writes `batch` and the entries after it below `keep_from` as JSON lines; returns how many.
std::int64_t ExportEntries(AuditRepo& repo, std::vector<AuditEntry> batch, std::int64_t keep_from,
                           const std::filesystem::path& export_file) {
  DurableFile file(export_file);
  std::int64_t count = 0;
  while (!batch.empty()) {
    std::string lines;
    for (const AuditEntry& entry : batch) {
      boost::json::object line = EntryJson(entry);
      line["hash"] = entry.hash;
      lines += CanonicalJson(line);
      lines += '\n';
    }
    file.Write(lines);
    count += static_cast<std::int64_t>(batch.size());
    batch = repo.Chain(batch.back().id, keep_from - 1, kBatch);
  }
  file.Commit();
  return count;
}

}  // namespace

AuditService::AuditService(store::Database& db, Clock clock) : db_(db), clock_(std::move(clock)) {}

core::Result<void> AuditService::Record(const AuditEvent& event) {
  common::Writer writer(db_);
  return writer.Run(common::Origin{}, [&](common::WriteTx& tx) -> core::Result<void> {
    Append(tx.session(), event, clock_());
    return {};
  });
}

core::Result<AuditPage> AuditService::List(const common::Scope& scope, const AuditFilter& filter,
                                           std::int64_t page, std::int64_t page_size) {
  auto range = ParseAtRange(filter.from, filter.to);
  if (!range) return range.error();
  const ListQuery query{filter.entity,  filter.entity_id, filter.actor_user_id, filter.action,
                        filter.outcome, range->at_from,   range->at_before,     filter.before_id};
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kRead);
  AuditRepo repo(session);
  // With a keyset cursor the page starts right below it; `page` then only labels the answer.
  const std::int64_t offset = filter.before_id ? 0 : (page - 1) * page_size;
  AuditPage result{repo.List(scope, query, offset, page_size), repo.Count(scope, query)};
  tx.Commit();
  for (AuditEntry& entry : result.items) {
    entry.event.before = MaskPersonalData(entry.event.entity, entry.event.before);
    entry.event.after = MaskPersonalData(entry.event.entity, entry.event.after);
  }
  return result;
}

VerifyReport AuditService::Verify() {
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kRead);
  AuditRepo repo(session);
  // The head first: on PostgreSQL (read committed) entries appended after this are not judged.
  const ChainHead head = repo.Head();
  std::int64_t expected_id = ParseId(repo.Setting(kAnchorIdKey)).value_or(1);
  std::string expected_prev = repo.Setting(kAnchorHashKey).value_or(std::string(kGenesisHash));
  VerifyReport report;
  auto fail = [&report](std::int64_t id) {
    if (report.ok) report.first_bad_id = id;
    report.ok = false;
  };
  for (auto batch = repo.Chain(0, head.last_id, kBatch); !batch.empty();
       batch = repo.Chain(batch.back().id, head.last_id, kBatch)) {
    for (const AuditEntry& entry : batch) {
      ++report.entries;
      if (entry.id != expected_id || entry.prev_hash != expected_prev ||
          EntryHash(entry) != entry.hash) {
        fail(entry.id);
      }
      expected_id = entry.id + 1;
      expected_prev = entry.hash;
    }
  }
  if (expected_prev != head.last_hash) fail(expected_id);  // entries missing at the end
  tx.Commit();
  return report;
}

core::Result<PruneReport> AuditService::Prune(const std::filesystem::path& export_file) {
  if (std::filesystem::exists(export_file)) {
    return core::Error::Conflict("export file already exists: " + export_file.string());
  }
  store::Session session = db_.Acquire();
  store::Transaction tx = session.Begin(store::TxMode::kWrite);
  AuditRepo repo(session);
  auto days = ParseRetentionDays(repo.Setting(kRetentionKey));
  if (!days) return days.error();
  const ChainHead head = repo.Head();
  const std::int64_t keep_from =
      repo.FirstIdAtOrAfter(RetentionCutoff(clock_(), *days)).value_or(head.last_id + 1);
  auto first = repo.Chain(0, keep_from - 1, kBatch);
  if (first.empty()) return PruneReport{};
  PruneReport report;
  report.exported = ExportEntries(repo, std::move(first), keep_from, export_file);
  // With nothing kept, the next entry to be appended will follow the head.
  const std::string anchor_hash = repo.PrevHashOf(keep_from).value_or(head.last_hash);
  report.deleted = repo.DeleteBefore(keep_from);
  repo.SetSetting(kAnchorIdKey, std::to_string(keep_from));
  repo.SetSetting(kAnchorHashKey, anchor_hash);
  tx.Commit();
  return report;
}

}  // namespace lianyin::domain::audit
