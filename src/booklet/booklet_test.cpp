#include "booklet/booklet.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <thread>

#include "booklet/booklet_format.hpp"
#include "booklet/test_booklet.hpp"
#include "core/money.hpp"

namespace lianyin::booklet {
namespace {

namespace fs = std::filesystem;

// The standard output of `command`, which must succeed.
std::string RunCommand(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  char buffer[65536];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe.get())) > 0;) out.append(buffer, n);
  if (pclose(pipe.release()) != 0) throw std::runtime_error("failed: " + command);
  return out;
}

std::string Quoted(const fs::path& path) { return "'" + path.string() + "'"; }

std::string WithoutSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\f' && c != '\r' && c != '\t') out += c;
  }
  return out;
}

// Page `page` (1-based) as pdftotext reads it, without white space.
std::string PageText(const fs::path& pdf, int page) {
  return WithoutSpaces(RunCommand(std::string(LIANYIN_PDFTOTEXT) + " -q -f " +
                                  std::to_string(page) + " -l " + std::to_string(page) + " " +
                                  Quoted(pdf) + " -"));
}

// Every page's text with -layout (a contents line and its number stay on one line).
std::vector<std::string> LayoutPages(const fs::path& pdf) {
  std::string all =
      RunCommand(std::string(LIANYIN_PDFTOTEXT) + " -q -layout " + Quoted(pdf) + " -");
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t end; (end = all.find('\f', start)) != std::string::npos; start = end + 1) {
    pages.push_back(all.substr(start, end - start));
  }
  return pages;
}

std::map<std::string, std::string> PdfInfoFields(const fs::path& pdf) {
  std::istringstream lines(RunCommand(std::string(LIANYIN_PDFINFO) + " " + Quoted(pdf)));
  std::map<std::string, std::string> fields;
  for (std::string line; std::getline(lines, line);) {
    const std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    const std::size_t value = line.find_first_not_of(' ', colon + 1);
    fields[line.substr(0, colon)] = value == std::string::npos ? "" : line.substr(value);
  }
  return fields;
}

// A contents page without its footer (a line of nothing but the page number), spaces removed.
std::string ContentsLines(const std::string& page) {
  std::istringstream lines(page);
  std::string out;
  for (std::string line; std::getline(lines, line);) {
    const std::string bare = WithoutSpaces(line);
    if (bare.find_first_not_of("0123456789") == std::string::npos) continue;
    out += bare;
  }
  return out;
}

// Reads the contents pages: the page number after each label in turn, or 0 if missing.
std::vector<int> ContentsNumbers(const std::string& contents,
                                 const std::vector<std::string>& labels) {
  std::vector<int> numbers;
  std::size_t at = 0;
  for (const std::string& label : labels) {
    const std::size_t found = contents.find(WithoutSpaces(label), at);
    if (found == std::string::npos) {
      numbers.push_back(0);
      continue;
    }
    at = found + WithoutSpaces(label).size();
    const std::size_t digits = contents.find_first_not_of("0123456789", at);
    numbers.push_back(digits == at ? 0 : std::stoi(contents.substr(at, digits - at)));
    at = digits;
  }
  return numbers;
}

class TempDir {
 public:
  TempDir() : path_(fs::temp_directory_path() / ("booklet_test_" + std::to_string(getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

// The projects of `booklet` in reading order: by category, then rank (ties in input order).
std::vector<const BookletProject*> ReadingOrder(const Booklet& booklet) {
  std::vector<const BookletProject*> order;
  for (const BookletCategory& category : booklet.categories) {
    std::vector<const BookletProject*> in;
    for (const BookletProject& project : booklet.projects) {
      if (project.category == category.code) in.push_back(&project);
    }
    std::stable_sort(in.begin(), in.end(), [](auto* a, auto* b) { return a->rank < b->rank; });
    order.insert(order.end(), in.begin(), in.end());
  }
  return order;
}

int Occurrences(const std::string& text, const std::string& part) {
  int count = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

// 134 projects in 8 categories, rendered once for the tests of this suite.
class SampleBookletPdf : public ::testing::Test {
 protected:
  static constexpr int kProjects = 134;
  static constexpr int kCategories = 8;

  static void SetUpTestSuite() {
    dir_ = new TempDir;
    booklet_ = new Booklet(testing::SampleBooklet(kProjects, kCategories));
    pdf_ = *dir_ / "sample.pdf";
    progress_ = new std::vector<std::pair<int, int>>;
    core::Result<PdfInfo> info = RenderPdf(*booklet_, pdf_.string(), [](int done, int total) {
      progress_->emplace_back(done, total);
    });
    ASSERT_TRUE(info) << info.error().message;
    info_ = *info;
    pages_ = new std::vector<std::string>(LayoutPages(pdf_));
  }
  static void TearDownTestSuite() {
    delete pages_;
    delete progress_;
    delete booklet_;
    delete dir_;
  }

  // The contents (their pages run from 2 to the first divider's page, less one), and the
  // number on each line: a section's label, then its projects' titles.
  struct Contents {
    std::vector<std::string> labels;
    std::vector<const BookletProject*> projects;  // per line; nullptr for a section
    std::vector<int> numbers;
    int pages = 0;
  };
  static Contents ReadContents() {
    Contents contents;
    int section = 0;
    for (const BookletCategory& category : booklet_->categories) {
      contents.labels.push_back(ChineseNumeral(++section) + "、" + category.label);
      contents.projects.push_back(nullptr);
      for (const BookletProject* project : ReadingOrder(*booklet_)) {
        if (project->category != category.code) continue;
        contents.labels.push_back(project->title);
        contents.projects.push_back(project);
      }
    }
    const int first_divider = ContentsNumbers(ContentsLines((*pages_)[1]), {contents.labels[0]})[0];
    contents.pages = first_divider - 2;
    std::string text;
    for (int page = 2; page < first_divider; ++page) text += ContentsLines((*pages_)[page - 1]);
    contents.numbers = ContentsNumbers(text, contents.labels);
    return contents;
  }
  static bool IsLong(const BookletProject& project) { return project.story.size() > 3000; }

  static TempDir* dir_;
  static Booklet* booklet_;
  static fs::path pdf_;
  static PdfInfo info_;
  static std::vector<std::pair<int, int>>* progress_;
  static std::vector<std::string>* pages_;  // pdftotext -layout, page by page
};
TempDir* SampleBookletPdf::dir_ = nullptr;
Booklet* SampleBookletPdf::booklet_ = nullptr;
fs::path SampleBookletPdf::pdf_;
PdfInfo SampleBookletPdf::info_;
std::vector<std::pair<int, int>>* SampleBookletPdf::progress_ = nullptr;
std::vector<std::string>* SampleBookletPdf::pages_ = nullptr;

TEST_F(SampleBookletPdf, HasCoverContentsDividersAndAPagePerProjectOrTwoForLongStories) {
  const Contents contents = ReadContents();
  ASSERT_GE(contents.pages, 3);  // 142 lines do not fit on two pages
  ASSERT_LE(contents.pages, 8);
  int long_stories = 0;
  for (const BookletProject& project : booklet_->projects) long_stories += IsLong(project);
  EXPECT_EQ(long_stories, 14);
  const int expected = 1 + contents.pages + kCategories + kProjects + long_stories;
  EXPECT_EQ(info_.pages, expected);
  EXPECT_EQ(PdfInfoFields(pdf_)["Pages"], std::to_string(expected));
  EXPECT_EQ(static_cast<int>(pages_->size()), expected);
}

TEST_F(SampleBookletPdf, CoverAndMetadataCarryTheTitle) {
  const std::string cover = PageText(pdf_, 1);
  EXPECT_NE(cover.find("全国工会联系引导社会组织服务职工优秀项目选编"), std::string::npos) << cover;
  EXPECT_NE(cover.find("第一批2021年"), std::string::npos) << cover;
  EXPECT_NE(cover.find("中华全国总工会"), std::string::npos) << cover;
  EXPECT_NE(cover.find("二〇二一年十二月"), std::string::npos) << cover;
  std::map<std::string, std::string> fields = PdfInfoFields(pdf_);
  EXPECT_EQ(fields["Title"], "全国工会联系引导社会组织服务职工优秀项目选编");
  EXPECT_EQ(fields["Page size"], "595.276 x 841.89 pts (A4)");
  EXPECT_NE(PageText(pdf_, 2).find("目录"), std::string::npos);
}

TEST_F(SampleBookletPdf, ContentsPointToThePageOfEachTitle) {
  const Contents contents = ReadContents();
  int page = contents.pages + 1;  // the last contents page
  int section = 0;
  for (std::size_t i = 0; i < contents.labels.size(); ++i) {
    const BookletProject* project = contents.projects[i];
    const BookletProject* previous = i > 0 ? contents.projects[i - 1] : nullptr;
    page += previous != nullptr && IsLong(*previous) ? 2 : 1;
    ASSERT_EQ(contents.numbers[i], page) << contents.labels[i];
    const std::string text = PageText(pdf_, page);
    if (project == nullptr) {
      const BookletCategory& category = booklet_->categories[section++];
      EXPECT_NE(text.find("第" + ChineseNumeral(section) + "部分" + category.label),
                std::string::npos)
          << "no divider on page " << page << ": " << text;
    } else {
      EXPECT_NE(text.find(project->title), std::string::npos)
          << project->title << " is not on page " << page << ": " << text;
      // The title starts there: the page before belongs to someone else.
      EXPECT_EQ(WithoutSpaces((*pages_)[page - 2]).find(project->title), std::string::npos)
          << project->title << " is on page " << page - 1 << " already";
    }
  }
  EXPECT_EQ(page, info_.pages - (IsLong(*contents.projects.back()) ? 1 : 0));
}

TEST_F(SampleBookletPdf, LongStoriesContinueWithoutLosingALine) {
  const Contents contents = ReadContents();
  for (std::size_t i = 0; i < contents.labels.size(); ++i) {
    const BookletProject* project = contents.projects[i];
    if (project == nullptr || !IsLong(*project)) continue;
    const int page = contents.numbers[i];
    const std::string first = WithoutSpaces((*pages_)[page - 1]);
    const std::string second = WithoutSpaces((*pages_)[page]);
    EXPECT_NE(second.find(project->title + "（续）"), std::string::npos) << second;
    const std::string both = first + second;
    const int sentences = Occurrences(project->story, "句。");
    for (int n = 1; n <= sentences; ++n) {
      EXPECT_EQ(Occurrences(both, "第" + std::to_string(n) + "句。"), 1)
          << "sentence " << n << " of " << project->title;
    }
    EXPECT_NE(second.find("第" + std::to_string(sentences) + "句。"), std::string::npos);
  }
}

TEST_F(SampleBookletPdf, ChineseRoundTripsWithTheNotoFontsEmbedded) {
  EXPECT_EQ(info_.missing_glyphs, 0);
  const Contents contents = ReadContents();
  const BookletProject& project = *contents.projects[1];
  const std::string text = PageText(pdf_, contents.numbers[1]);
  for (const std::string& part :
       {project.providers[0], project.funding_unit, project.region, project.target_groups,
        core::FormatWanYuan(project.contract_fen), core::GroupDigits(project.person_times) + "人次",
        std::string("2021年"), std::string("承接组织"), std::string("项目简介"),
        project.story.substr(0, project.story.find('\n'))}) {
    EXPECT_NE(text.find(WithoutSpaces(part)), std::string::npos) << part << " in " << text;
  }
  for (const std::string& page : *pages_) {
    EXPECT_EQ(page.find("\xEF\xBF\xBD"), std::string::npos);  // U+FFFD, an unmapped glyph
  }
  const std::string fonts = RunCommand(std::string(LIANYIN_PDFFONTS) + " " + Quoted(pdf_));
  EXPECT_NE(fonts.find("NotoSerifCJKsc-Regular"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("NotoSerifCJKsc-Bold"), std::string::npos) << fonts;
  EXPECT_NE(fonts.find("NotoSansCJKsc-Regular"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find("Type 3"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << "a font is not embedded: " << fonts;
}

TEST_F(SampleBookletPdf, ContentsLinesLinkToTheirPagesAndTheOutlineListsThem) {
  // Each page is the destination "page-N"; each contents line links to its page's.
  std::istringstream dests(RunCommand(std::string(LIANYIN_PDFINFO) + " -dests " + Quoted(pdf_)));
  std::string line;
  std::getline(dests, line);  // the heading
  int page = 0;
  for (; std::getline(dests, line); ++page) {
    EXPECT_TRUE(line.starts_with(fmt::format("{:4} ", page + 1))) << line;
    EXPECT_TRUE(line.ends_with(fmt::format("\"page-{}\"", page + 1))) << line;
  }
  EXPECT_EQ(page, info_.pages);

  std::ifstream file(pdf_, std::ios::binary);
  const std::string bytes{std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
  std::multiset<int> linked;
  const std::string kLink = "/Subtype /Link";
  const std::string kDest = "/Dest (page-";
  for (std::size_t at = bytes.find(kLink); at != std::string::npos;
       at = bytes.find(kLink, at + 1)) {
    const std::size_t dest = bytes.find(kDest, at);
    ASSERT_LT(dest, bytes.find(">>", at)) << "a link without a destination";
    linked.insert(std::stoi(bytes.substr(dest + kDest.size(), 6)));
  }
  const Contents contents = ReadContents();
  EXPECT_EQ(linked, std::multiset<int>(contents.numbers.begin(), contents.numbers.end()));
  EXPECT_NE(bytes.find("/Outlines"), std::string::npos);
}

TEST_F(SampleBookletPdf, ReportsProgressFromZeroToTotal) {
  const int total = 2 * kProjects + 1;
  ASSERT_EQ(progress_->size(), static_cast<std::size_t>(total) + 1);
  for (int i = 0; i <= total; ++i) {
    EXPECT_EQ((*progress_)[i], std::make_pair(i, total));
  }
}

TEST(RenderPdf, EmptyBookletStillHasCoverAndContents) {
  TempDir dir;
  Booklet booklet = testing::SampleBooklet(0, 3);
  core::Result<PdfInfo> info = RenderPdf(booklet, (dir / "empty.pdf").string());
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_EQ(info->pages, 2);
  EXPECT_EQ(PdfInfoFields(dir / "empty.pdf")["Pages"], "2");
  EXPECT_NE(PageText(dir / "empty.pdf", 1).find(WithoutSpaces(booklet.title)), std::string::npos);
  const std::string contents = PageText(dir / "empty.pdf", 2);
  EXPECT_NE(contents.find("目录"), std::string::npos) << contents;
  EXPECT_NE(contents.find("暂无入选项目"), std::string::npos) << contents;

  core::Result<PdfInfo> bare = RenderPdf(Booklet{}, (dir / "bare.pdf").string());
  ASSERT_TRUE(bare) << bare.error().message;
  EXPECT_EQ(bare->pages, 2);
}

TEST(RenderPdf, VeryLongStoryRunsOnAndLongTitleIsCut) {
  TempDir dir;
  Booklet booklet = testing::SampleBooklet(3, 1);
  BookletProject& project = booklet.projects[1];  // read second: ranks are 3, 2, 1
  project.title.clear();
  for (int i = 0; i < 100; ++i) project.title += "很长的项目名称";
  project.story = testing::NumberedStory(12'000);
  const fs::path pdf = dir / "long.pdf";
  core::Result<PdfInfo> info = RenderPdf(booklet, pdf.string());
  ASSERT_TRUE(info) << info.error().message;
  const std::vector<std::string> pages = LayoutPages(pdf);
  ASSERT_EQ(static_cast<int>(pages.size()), info->pages);

  // Cover, contents, divider, the third project (rank 1), the long one, the first.
  const std::string contents = ContentsLines(pages[1]);
  const std::vector<int> numbers = ContentsNumbers(
      contents,
      {"一、" + booklet.categories[0].label, booklet.projects[2].title, booklet.projects[0].title});
  std::string story;
  int last_page = 5;
  for (; last_page <= info->pages; ++last_page) {
    const std::string page = WithoutSpaces(pages[last_page - 1]);
    if (page.find(booklet.projects[0].title) != std::string::npos) break;
    story += page;
  }
  EXPECT_GE(last_page - 5, 6) << "12 000 characters take more than five pages";
  EXPECT_EQ(last_page, info->pages);
  EXPECT_EQ(numbers, (std::vector<int>{3, 4, last_page}));
  const int sentences = Occurrences(project.story, "句。");
  for (int n = 1; n <= sentences; ++n) {
    ASSERT_EQ(Occurrences(story, "第" + std::to_string(n) + "句。"), 1) << "sentence " << n;
  }
  // The title is cut after four lines with an ellipsis, so the fields and the story start on
  // the same page. (The text layer keeps the whole title: the ellipsis stands for the rest.)
  const std::string title_page = PageText(pdf, 5);
  EXPECT_NE(title_page.find("很长的项目名称很长的项目名称"), std::string::npos);
  EXPECT_NE(title_page.find("承接组织"), std::string::npos) << title_page;
  EXPECT_NE(title_page.find("第1句。"), std::string::npos) << title_page;
  EXPECT_EQ(info->missing_glyphs, 0);
}

TEST(RenderPdf, CountsCharactersNoFontHas) {
  TempDir dir;
  Booklet booklet = testing::SampleBooklet(1, 1);
  booklet.projects[0].title += "\xF4\x8F\xBF\xBD";  // U+10FFFD, private use
  core::Result<PdfInfo> info = RenderPdf(booklet, (dir / "tofu.pdf").string());
  ASSERT_TRUE(info) << info.error().message;
  EXPECT_GT(info->missing_glyphs, 0);
}

TEST(RenderPdf, RejectsInvalidInputAndWritesNothing) {
  TempDir dir;
  Booklet booklet = testing::SampleBooklet(3, 2);
  booklet.categories[1].code = "c1";
  booklet.projects[0].category = "c9";
  booklet.projects[1].title = "";
  booklet.projects[1].year = 1800;
  booklet.projects[2].contract_fen = -1;
  booklet.projects[2].providers.emplace_back("\xC3\x28");  // not UTF-8
  const fs::path pdf = dir / "invalid.pdf";
  core::Result<PdfInfo> info = RenderPdf(booklet, pdf.string());
  ASSERT_FALSE(info);
  EXPECT_EQ(info.error().code, core::ErrorCode::kValidationFailed);
  std::vector<std::string> fields;
  for (const core::FieldError& detail : info.error().details) fields.push_back(detail.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"categories[1].code", "projects[0].category",
                                              "projects[1].category", "projects[1].title",
                                              "projects[1].year", "projects[2].contract_fen",
                                              "projects[2].providers[1]"}));
  EXPECT_FALSE(fs::exists(pdf));
}

TEST(RenderPdf, ThrowsWhenTheFileCannotBeWritten) {
  TempDir dir;
  EXPECT_THROW((void)RenderPdf(testing::SampleBooklet(1, 1), (dir / "no/such/dir.pdf").string()),
               std::runtime_error);
}

TEST(RenderPdf, RendersOnSeveralThreadsAtOnce) {
  TempDir dir;
  const Booklet booklet = testing::SampleBooklet(12, 3);
  std::vector<core::Result<PdfInfo>> results(3, core::Error::BadRequest("not run"));
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      results[i] = RenderPdf(booklet, (dir / ("thread" + std::to_string(i) + ".pdf")).string());
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t i = 0; i < results.size(); ++i) {
    ASSERT_TRUE(results[i]) << results[i].error().message;
    EXPECT_EQ(results[i]->pages, results[0]->pages);
    EXPECT_EQ(PdfInfoFields(dir / ("thread" + std::to_string(i) + ".pdf"))["Pages"],
              std::to_string(results[0]->pages));
  }
}

}  // namespace
}  // namespace lianyin::booklet
