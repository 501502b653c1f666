#pragma once
// The 选编 booklet (issue #9 point 6): the excellent purchased-service projects a programme has
// selected, compiled into a printable A4 PDF and a one-sheet XLSX. A pure library: the caller
// (the projects and selection area) gathers the data into a Booklet and picks the output path;
// nothing here reads a database or knows HTTP. Cairo and Pango stay inside the .cpp files.

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/money.hpp"

namespace lianyin::booklet {

// A section of the booklet (服务类别). `code` is what BookletProject::category refers to;
// `label` is the Chinese heading shown ("职工法律服务").
struct BookletCategory {
  std::string code;
  std::string label;
};

// One selected project (优秀项目), as shown on its page and in its spreadsheet row. All text is
// UTF-8 and shown as given (no markup); line breaks inside fields other than `story` are shown
// as spaces.
struct BookletProject {
  std::string category;                // a BookletCategory::code of the booklet
  std::string title;                   // 项目名称, not empty
  std::vector<std::string> providers;  // 承接组织: the orgs that deliver the service, in order
  std::string funding_unit;            // 出资单位: the unit that bought the service
  std::string region;                  // 地区, as displayed ("陕西省西安市")
  int year = 0;                        // 年度, 1900–9999
  core::Fen contract_fen = 0;          // 合同金额, ≥ 0
  std::int64_t person_times = 0;       // 服务人次, ≥ 0
  std::string target_groups;           // 服务对象 ("新就业形态劳动者、困难职工")
  // 项目简介: paragraphs separated by line breaks. Leading spaces (also the ideographic space
  // U+3000 often typed as an indent) are dropped: each paragraph is indented by two characters.
  std::string story;
  double score = 0;  // 得分 of the selection; finite. Spreadsheet only
  int rank = 0;      // 名次 within the category: orders the projects there (ascending)
};

// The booklet as a whole. Categories are shown in the order given; a category without projects
// is left out of the PDF (no divider, no contents line), and the sections are numbered 一、二、…
// in the order of those that remain. Within a category the projects go by `rank`, and projects
// of equal rank in the order of `projects`.
struct Booklet {
  // 《全国工会联系引导社会组织服务职工优秀项目选编》: the cover, the PDF's metadata. The cover
  // breaks it into lines of even length, or where it has line breaks of its own
  // ("…社会组织\n服务职工…"); the metadata joins the lines.
  std::string title;
  std::string subtitle;   // "第一批 2021年"; may be empty
  std::string issued_by;  // the issuing body on the cover ("中华全国总工会")
  std::string date_text;  // the date as printed on the cover ("二〇二一年十二月")
  std::vector<BookletCategory> categories;
  std::vector<BookletProject> projects;
};

struct PdfInfo {
  int pages = 0;  // pages in the file; the page numbers printed in it count from the cover = 1
  // Characters no installed font could draw (they show as boxes). 0 for any text in the Noto
  // CJK fonts' coverage (CJK, Latin, punctuation); a caller may warn about a higher figure.
  int missing_glyphs = 0;
};

// Writes the booklet as an A4 PDF to `path` (replacing it): a cover (title, subtitle, issuing
// body, date); the contents (目录), one line per category and per project with its page number,
// dot leaders, and a link to the page; for each category a divider page, then one page per
// project (title, category, providers, funding unit, region, year, contract amount, person-times,
// target groups, the story), the story continuing on further pages when it is long. Page numbers
// in the footers (not on the cover) and in the contents are the physical ones (cover = 1), so the
// contents and pdftotext/pdfinfo agree. The PDF carries the title in its metadata and an outline
// (bookmarks) of the categories and projects. Fonts: Noto Serif CJK SC and Noto Sans CJK SC
// (Debian fonts-noto-cjk), embedded as subsets.
//
// `progress`, when set, is called on the calling thread with `done` rising from 0 to `total`,
// which stays fixed: total = 2 × projects + 1 (each project is measured once and drawn once,
// then the file is written); the last call, (total, total), comes once the file is complete.
//
// Errors (values): Error::Invalid with one detail per problem (field "projects[3].category",
// "categories[1].code", …) for a category code that is empty or repeated, a project whose
// category is not in `categories`, an empty title, a year outside 1900–9999, a negative amount or
// person-times, a score that is not finite, text that is not valid UTF-8. Nothing is written then.
// Infrastructure faults throw std::runtime_error: the fonts are not installed, the file cannot be
// written (a partial file may remain). Safe to call from several threads at once.
core::Result<PdfInfo> RenderPdf(const Booklet& booklet, const std::string& path,
                                std::function<void(int done, int total)> progress = {});

// Writes the booklet's projects as an XLSX workbook to `path` (replacing it): one sheet 优秀项目,
// a bold header row 类别, 项目名称, 承接组织, 出资单位, 地区, 年度, 合同金额（元）, 服务人次,
// 服务对象, 项目简介, 得分, 名次, then one row per project in the PDF's order. The category is its
// label, providers are joined with "、", year, amount (yuan), person-times, score and rank are
// number cells. Errors and faults as RenderPdf (the same validation).
core::Result<void> RenderXlsx(const Booklet& booklet, const std::string& path);

}  // namespace lianyin::booklet
