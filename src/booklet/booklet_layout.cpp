#include "booklet/booklet_layout.hpp"

#include <algorithm>
#include <utility>

#include "booklet/booklet_format.hpp"
#include "core/money.hpp"

namespace lianyin::booklet {
namespace {

constexpr double kContentHeight = kContentBottom - kContentTop;
constexpr double kTocIndent = 22;     // a project's contents line, under its section's
constexpr double kTocGap = 24;        // at least this between a contents line and its number
constexpr double kLabelWidth = 64;    // the field labels' column on a project page
constexpr double kHeadingInset = 10;  // a heading's text, right of its bar

int LineCount(const Block& block) {
  std::size_t count = 0;
  for (const Text& text : block.texts) count = std::max(count, text.lines.size());
  return static_cast<int>(count);
}

Block TextBlock(Text text, double space_before = 0) {
  Block block;
  block.height = text.Height();
  block.space_before = space_before;
  block.texts.push_back(std::move(text));
  return block;
}

Block Spacer(double height, Decoration decoration = Decoration::kNone) {
  Block block;
  block.height = std::max(0.0, height);
  block.decoration = decoration;
  return block;
}

// Places blocks on pages top to bottom; a block that does not fit goes on to a new page of the
// same kind, which repeats the flow's head block, if any.
class Paginator {
 public:
  explicit Paginator(Plan& plan) : plan_(plan) {}

  void StartPage(PageKind kind, int project = -1, int head = -1) {
    kind_ = kind;
    project_ = project;
    head_ = head;
    NewPage();
  }
  // Flows blocks [first, end), which must be the plan's blocks in that order (a block's
  // keep_with_next looks at the block after it).
  void Flow(int first, int end) {
    for (int index = first; index < end; ++index) {
      if (plan_.blocks[index].breakable) {
        FlowLines(index);
      } else {
        FlowWhole(index, index + 1 < end ? index + 1 : -1);
      }
    }
  }
  void EndProject() { plan_.pages.back().last_of_project = true; }
  int PageNumber() const { return static_cast<int>(plan_.pages.size()); }

 private:
  void NewPage() {
    plan_.pages.push_back(Page{kind_, project_, false, {}});
    y_ = kContentTop;
    fresh_ = true;
  }
  void Continue() {
    NewPage();
    if (head_ < 0) return;
    Put(head_, 0, LineCount(plan_.blocks[head_]), y_);
    y_ += plan_.blocks[head_].height;
  }
  void Put(int block, int first_line, int end_line, double y) {
    plan_.pages.back().placements.push_back({block, first_line, end_line, y});
  }
  double Before(const Block& block) const { return fresh_ ? 0 : block.space_before; }
  // What must fit with a keep_with_next block: the next block, or its first two lines.
  double FirstLines(int index) const {
    const Block& block = plan_.blocks[index];
    if (!block.breakable) return block.space_before + block.height;
    const std::vector<LineBox>& lines = block.texts.front().lines;
    const std::size_t last = std::min<std::size_t>(2, lines.size()) - 1;
    return block.space_before + lines[last].bottom - lines.front().top;
  }

  void FlowWhole(int index, int next) {
    const Block& block = plan_.blocks[index];
    double need = Before(block) + block.height;
    if (block.keep_with_next && next >= 0) need += FirstLines(next);
    if (!fresh_ && y_ + need > kContentBottom) Continue();
    const double top = y_ + Before(block);
    Put(index, 0, LineCount(block), top);
    y_ = top + block.height;
    fresh_ = false;
  }

  void FlowLines(int index) {
    const std::vector<LineBox>& lines = plan_.blocks[index].texts.front().lines;
    const int count = static_cast<int>(lines.size());
    int first = 0;
    while (first < count) {
      const double top = y_ + Before(plan_.blocks[index]);
      int end = first;
      while (end < count && top + lines[end].bottom - lines[first].top <= kContentBottom) ++end;
      // Never a text's first line alone at the foot of a page.
      const bool too_few = end == first || (first == 0 && end - first < std::min(2, count));
      if (too_few && !fresh_) {
        Continue();
        continue;
      }
      if (end == first) ++end;  // a line taller than the type area: placed, and cut off
      // Never its last line alone at the top of the next.
      if (end < count && count - end < 2 && end - first > 2) --end;
      Put(index, first, end, top);
      y_ = top + lines[end - 1].bottom - lines[first].top;
      fresh_ = false;
      first = end;
      if (first < count) Continue();
    }
  }

  Plan& plan_;
  PageKind kind_ = PageKind::kCover;
  int project_ = -1;
  int head_ = -1;
  double y_ = kContentTop;
  bool fresh_ = true;
};

std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

class Builder {
 public:
  Builder(const Booklet& booklet, const std::vector<Section>& sections, Typesetter& typesetter,
          Plan& plan)
      : booklet_(booklet), sections_(sections), type_(typesetter), plan_(plan), pages_(plan) {}

  void Cover();
  void Contents();
  void Divider(int section);
  void Project(int section, const BookletProject& project, int sequence);

 private:
  int Add(Block block) {
    plan_.blocks.push_back(std::move(block));
    return static_cast<int>(plan_.blocks.size()) - 1;
  }
  int Size() const { return static_cast<int>(plan_.blocks.size()); }
  Text Make(std::string_view text, Style style, double width = kContentWidth, double x = 0) {
    return type_.Make(text, style, width, x);
  }
  // A display title in lines of even length ("全国工会联系引导社会组织 / 服务职工优秀项目选编", not
  // a full line and a stub), unless `text` breaks its lines itself.
  Text Balanced(std::string_view text, Style style) {
    Text full = Make(text, style);
    if (full.lines.size() < 2 || text.find('\n') != std::string_view::npos) return full;
    const double natural = Make(text, style, -1).lines.front().width;
    const double even = natural / static_cast<double>(full.lines.size());
    // One character's slack, since lines break between characters, not at the exact width.
    const double width = std::min(kContentWidth, even + full.lines.front().bottom / 2);
    Text balanced = Make(text, style, width, (kContentWidth - width) / 2);  // still centred
    return balanced.lines.size() == full.lines.size() ? std::move(balanced) : std::move(full);
  }
  std::string SectionName(int section) const {
    return ChineseNumeral(section + 1) + "、" + OneParagraph(sections_[section].category->label);
  }
  void AddField(std::string_view label, const std::string& value);
  // The page just started is the target of the next contents line.
  void Target() { plan_.toc[next_toc_++].page = pages_.PageNumber(); }

  const Booklet& booklet_;
  const std::vector<Section>& sections_;
  Typesetter& type_;
  Plan& plan_;
  Paginator pages_;
  int next_toc_ = 0;  // the contents line of the next divider or project
};

// The title with its own line breaks (CR LF or CR as LF), where it chooses to break on the cover.
std::string CoverTitle(std::string_view title) {
  std::string out;
  for (std::size_t i = 0; i < title.size(); ++i) {
    if (title[i] == '\r') {
      if (i + 1 < title.size() && title[i + 1] == '\n') continue;
      out += '\n';
    } else {
      out += title[i] == '\t' ? ' ' : title[i];
    }
  }
  return out;
}

double TotalHeight(const std::vector<Block>& blocks) {
  double height = 0;
  for (const Block& block : blocks) height += block.space_before + block.height;
  return height;
}

void Builder::Cover() {
  std::vector<Block> upper;
  upper.push_back(Spacer(kContentHeight * 0.2));
  upper.push_back(TextBlock(Balanced(CoverTitle(booklet_.title), Style::kCoverTitle)));
  upper.push_back(Spacer(40, Decoration::kShortRule));
  if (!booklet_.subtitle.empty()) {
    upper.push_back(TextBlock(Make(OneParagraph(booklet_.subtitle), Style::kCoverSubtitle)));
  }
  std::vector<Block> lower;
  if (!booklet_.issued_by.empty()) {
    lower.push_back(TextBlock(Make(OneParagraph(booklet_.issued_by), Style::kCoverIssuer)));
  }
  if (!booklet_.date_text.empty()) {
    lower.push_back(TextBlock(Make(OneParagraph(booklet_.date_text), Style::kCoverDate), 10));
  }
  // The issuing body and the date stand 60 pt above the foot of the type area.
  const double gap = kContentHeight - 60 - TotalHeight(upper) - TotalHeight(lower);
  const int first = Size();
  for (Block& block : upper) Add(std::move(block));
  Add(Spacer(std::max(gap, 24.0)));
  for (Block& block : lower) Add(std::move(block));
  pages_.StartPage(PageKind::kCover);
  pages_.Flow(first, Size());
}

void Builder::Contents() {
  plan_.number_width = Make("000", Style::kContentsNumber).lines.front().width;
  const int first = Size();
  Add(TextBlock(Make("目　录", Style::kContentsTitle)));
  Add(Spacer(18));
  const double category_width = kContentWidth - plan_.number_width - kTocGap;
  for (std::size_t s = 0; s < sections_.size(); ++s) {
    const int section = static_cast<int>(s);
    Block line = TextBlock(Make(SectionName(section), Style::kContentsCategory, category_width),
                           s == 0 ? 0 : 12);
    line.keep_with_next = true;
    line.decoration = Decoration::kLeader;
    line.toc_entry = static_cast<int>(plan_.toc.size());
    plan_.toc.push_back({0, SectionName(section), 0});
    Add(std::move(line));
    for (const BookletProject* project : sections_[s].projects) {
      const std::string title = OneParagraph(project->title);
      Block entry = TextBlock(
          Make(title, Style::kContentsProject, category_width - kTocIndent, kTocIndent), 5);
      entry.decoration = Decoration::kLeader;
      entry.toc_entry = static_cast<int>(plan_.toc.size());
      plan_.toc.push_back({1, title, 0});
      Add(std::move(entry));
    }
  }
  if (sections_.empty()) {
    Add(Spacer(60));
    Add(TextBlock(Make("本选编暂无入选项目", Style::kContentsEmpty)));
  }
  pages_.StartPage(PageKind::kContents);
  pages_.Flow(first, Size());
}

void Builder::Divider(int section) {
  const std::size_t count = sections_[section].projects.size();
  std::vector<Block> group;
  group.push_back(
      TextBlock(Make("第" + ChineseNumeral(section + 1) + "部分", Style::kDividerKicker)));
  group.push_back(TextBlock(
      Balanced(OneParagraph(sections_[section].category->label), Style::kDividerTitle), 16));
  group.push_back(Spacer(44, Decoration::kShortRule));
  group.push_back(
      TextBlock(Make("收录项目 " + std::to_string(count) + " 个", Style::kDividerNote)));
  // A little above the middle, where the eye expects a centred title.
  const int first = Size();
  Add(Spacer((kContentHeight - TotalHeight(group)) / 2 - 48));
  for (Block& block : group) Add(std::move(block));
  pages_.StartPage(PageKind::kDivider);
  Target();
  pages_.Flow(first, Size());
}

void Builder::AddField(std::string_view label, const std::string& value) {
  if (value.empty()) return;
  Block row;
  row.texts.push_back(Make(label, Style::kFieldLabel, kLabelWidth));
  row.texts.push_back(Make(value, Style::kFieldValue, kContentWidth - kLabelWidth, kLabelWidth));
  row.height = std::max(row.texts[0].Height(), row.texts[1].Height());
  row.space_before = 5;
  Add(std::move(row));
}

void Builder::Project(int section, const BookletProject& project, int sequence) {
  const std::string title = OneParagraph(project.title);
  const int head = Add(TextBlock(Make(title + "（续）", Style::kContinued)));
  plan_.blocks[head].height += 14;  // room for the rule under it
  plan_.blocks[head].decoration = Decoration::kRule;
  const int first = Size();
  Add(TextBlock(Make(SectionName(section), Style::kKicker)));
  Add(TextBlock(Make(title, Style::kTitle), 6));
  Add(Spacer(20, Decoration::kRule));
  AddField("承接组织", OneParagraph(Join(project.providers, "、")));
  AddField("出资单位", OneParagraph(project.funding_unit));
  AddField("地　　区", OneParagraph(project.region));
  AddField("年　　度", std::to_string(project.year) + "年");
  AddField("合同金额", core::FormatWanYuan(project.contract_fen));
  AddField("服务人次", core::GroupDigits(project.person_times) + "人次");
  AddField("服务对象", OneParagraph(project.target_groups));
  const std::string story = StoryParagraphs(project.story);
  if (!story.empty()) {
    Block heading = TextBlock(Make("项目简介", Style::kHeading, kContentWidth, kHeadingInset), 20);
    heading.decoration = Decoration::kBar;
    heading.keep_with_next = true;
    Add(std::move(heading));
    Block text = TextBlock(Make(story, Style::kStory), 8);
    text.breakable = true;
    Add(std::move(text));
  }
  pages_.StartPage(PageKind::kProject, sequence, head);
  Target();
  pages_.Flow(first, Size());
  pages_.EndProject();
}

}  // namespace

Plan LayOut(const Booklet& booklet, const std::vector<Section>& sections, Typesetter& typesetter,
            const std::function<void()>& project_measured) {
  Plan plan;
  Builder builder(booklet, sections, typesetter, plan);
  builder.Cover();
  builder.Contents();
  int sequence = 0;
  for (std::size_t s = 0; s < sections.size(); ++s) {
    builder.Divider(static_cast<int>(s));
    for (const BookletProject* project : sections[s].projects) {
      builder.Project(static_cast<int>(s), *project, sequence++);
      if (project_measured) project_measured();
    }
  }
  return plan;
}

}  // namespace lianyin::booklet
