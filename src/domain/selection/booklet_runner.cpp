#include "domain/selection/booklet_runner.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <map>
#include <sstream>

#include "booklet/booklet.hpp"
#include "domain/dictionary/dictionary.hpp"

namespace lianyin::domain::selection {
namespace {

// 二〇二二 for 2022; 十二 for 12; 第一批 for batch 1.
std::string ChineseDigits(int n) {
  static const char* kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  for (char c : std::to_string(n)) out += kDigits[c - '0'];
  return out;
}

std::string ChineseNumber(int n) {  // 1..99
  static const char* kDigits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return kDigits[n];
  return std::string(n >= 20 ? kDigits[n / 10] : "") + "十" + kDigits[n % 10];
}

std::string Label(std::string_view dictionary, const std::string& code) {
  const auto* d = dictionary::Find(dictionary);
  const auto* e = d ? dictionary::FindEntry(*d, code) : nullptr;
  return e ? std::string(e->label) : code;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Runs `body` in a write transaction of its own (job bookkeeping: no change to record).
template <class Body>
auto Bookkeep(common::Writer& writer, Body body) {
  return writer.Run(common::Origin{}, [&](common::WriteTx& tx) {
    SelectionRepo repo(tx.session());
    return body(repo);
  });
}

}  // namespace

booklet::Booklet BookletOf(const Round& round, const std::vector<Nomination>& excellent) {
  booklet::Booklet b;
  b.title = "全国工会联系引导社会组织\n服务职工优秀项目选编";
  b.subtitle = fmt::format("第{}批 {}年", ChineseNumber(std::min(round.batch, 99)), round.year);
  b.issued_by = round.unit_name;
  const std::string date = round.published_on.value_or(round.updated_at.substr(0, 10));
  b.date_text = ChineseDigits(std::stoi(date.substr(0, 4))) + "年" +
                ChineseNumber(std::stoi(date.substr(5, 2))) + "月";
  if (const auto* categories = dictionary::Find("service_category")) {
    for (const auto& e : categories->entries) {
      b.categories.push_back({std::string(e.code), std::string(e.label)});
    }
  }
  for (const Nomination& n : excellent) {
    booklet::BookletProject p;
    p.category = n.category;
    p.title = n.project_title;
    p.providers = n.providers;
    p.funding_unit = n.funding_unit_name;
    p.region = n.region_name;
    p.year = n.contracted_on ? std::stoi(n.contracted_on->substr(0, 4)) : round.year;
    p.contract_fen = n.contract_fen;
    p.person_times = n.person_times;
    for (const std::string& g : n.target_groups) {
      p.target_groups += (p.target_groups.empty() ? "" : "、") + Label("target_group", g);
    }
    p.story = n.story;
    p.score = static_cast<double>(n.score_tenths.value_or(0)) / 10.0;
    p.rank = n.rank.value_or(0);
    b.projects.push_back(std::move(p));
  }
  return b;
}

BookletRunner::BookletRunner(SelectionService& selection, std::filesystem::path work_dir)
    : selection_(selection), work_dir_(std::move(work_dir)) {}

BookletRunner::~BookletRunner() { Stop(); }

std::int64_t BookletRunner::Recover() {
  const std::string at = core::FormatDateTime(selection_.clock()());
  auto n = Bookkeep(selection_.writer(), [&](SelectionRepo& repo) -> core::Result<std::int64_t> {
    return repo.RequeueRunning(at);
  });
  return n ? *n : 0;
}

bool BookletRunner::RunOne() {
  common::Writer& writer = selection_.writer();
  const auto now = [&] { return core::FormatDateTime(selection_.clock()()); };
  auto claimed =
      Bookkeep(writer, [&](SelectionRepo& repo) -> core::Result<std::optional<BookletJob>> {
        return repo.ClaimJob(now());
      });
  if (!claimed || !*claimed) return false;
  const BookletJob job = **claimed;
  const auto fail = [&](const std::string& why) {
    spdlog::warn("booklet job {} of round {} failed: {}", job.id, job.round_id, why);
    Bookkeep(writer, [&](SelectionRepo& repo) -> core::Result<void> {
      repo.FailJob(job.id, why, now());
      return {};
    });
  };
  try {
    Round round;
    std::vector<Nomination> excellent;
    {
      store::Session session = writer.db().Acquire();
      SelectionRepo repo(session);
      common::Scope all;
      all.platform = true;
      round = repo.FindRound(all, job.round_id).value();
      excellent = repo.Excellent(job.round_id, {}, 1'000'000, 0);
    }
    const booklet::Booklet b = BookletOf(round, excellent);
    std::filesystem::create_directories(work_dir_);
    const auto pdf_path = work_dir_ / fmt::format("booklet-{}.pdf", job.id);
    const auto xlsx_path = work_dir_ / fmt::format("booklet-{}.xlsx", job.id);
    int reported = 0;
    auto info = booklet::RenderPdf(b, pdf_path.string(), [&](int done, int total) {
      const int percent = total > 0 ? done * 90 / total : 0;
      if (percent >= reported + 5) {
        reported = percent;
        Bookkeep(writer, [&](SelectionRepo& repo) -> core::Result<void> {
          repo.SetProgress(job.id, percent, now());
          return {};
        });
      }
    });
    if (!info) {
      fail(info.error().message);
      return true;
    }
    if (auto ok = booklet::RenderXlsx(b, xlsx_path.string()); !ok) {
      fail(ok.error().message);
      return true;
    }
    const std::string pdf = ReadFile(pdf_path);
    const std::string xlsx = ReadFile(xlsx_path);
    std::filesystem::remove(pdf_path);
    std::filesystem::remove(xlsx_path);
    Bookkeep(writer, [&](SelectionRepo& repo) -> core::Result<void> {
      repo.FinishJob(job.id, info->pages, static_cast<int>(b.projects.size()), pdf, xlsx, now());
      return {};
    });
    spdlog::info("booklet of round {}: {} projects, {} pages", job.round_id, b.projects.size(),
                 info->pages);
  } catch (const std::exception& e) {
    fail(e.what());
  }
  return true;
}

void BookletRunner::Start(std::chrono::milliseconds poll) {
  thread_ = std::thread([this, poll] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      bool ran = false;
      try {
        ran = RunOne();
      } catch (const std::exception& e) {
        spdlog::warn("booklet runner: {}", e.what());
      }
      lock.lock();
      if (!ran) wake_.wait_for(lock, poll, [this] { return stopping_; });
    }
  });
}

void BookletRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace lianyin::domain::selection
