#include "tabular/csv.hpp"

#include <gtest/gtest.h>

namespace lianyin::tabular {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows ReadAll(std::string_view text) {
  CsvReader reader(text);
  Rows rows;
  while (auto row = reader.Next()) rows.push_back(std::move(*row));
  EXPECT_FALSE(reader.error()) << reader.error()->message;
  return rows;
}

TEST(CsvReader, ReadsRfc4180EdgeCases) {
  struct Case {
    std::string_view name;
    std::string_view text;
    Rows rows;
  };
  const Case cases[] = {
      {"empty text", "", {}},
      {"one field", "a", {{"a"}}},
      {"LF", "a,b\nc,d\n", {{"a", "b"}, {"c", "d"}}},
      {"CRLF", "a,b\r\nc,d\r\n", {{"a", "b"}, {"c", "d"}}},
      {"CR", "a,b\rc,d", {{"a", "b"}, {"c", "d"}}},
      {"no final line end", "a,b\nc,d", {{"a", "b"}, {"c", "d"}}},
      {"empty fields", ",a,,\n", {{"", "a", "", ""}}},
      {"quoted comma", "\"a,b\",c", {{"a,b", "c"}}},
      {"doubled quote", "\"say \"\"hi\"\"\",x", {{"say \"hi\"", "x"}}},
      {"quoted newline", "\"line 1\nline 2\",x\r\ny", {{"line 1\nline 2", "x"}, {"y"}}},
      {"quoted CRLF", "\"a\r\nb\"\r\n", {{"a\r\nb"}}},
      {"quoted empty", "\"\"\n", {{""}}},
      {"blank line in the middle", "a\n\nb\n", {{"a"}, {}, {"b"}}},
      {"spaces kept", " a , b ", {{" a ", " b "}}},
      {"quote inside unquoted field", "a\"b,c", {{"a\"b", "c"}}},
      {"Chinese", "社会组织名称,陕西省西安市\n", {{"社会组织名称", "陕西省西安市"}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ReadAll(c.text), c.rows) << c.name;
  }
}

TEST(CsvReader, CountsRowsFromTheHeader) {
  CsvReader reader("h1,h2\n\"multi\nline\",x\n\nlast\n");
  EXPECT_EQ(reader.row(), 0);
  std::vector<std::int64_t> numbers;
  while (reader.Next()) numbers.push_back(reader.row());
  EXPECT_EQ(numbers, (std::vector<std::int64_t>{1, 2, 3, 4}));
}

TEST(CsvReader, ReportsErrorsWithTheRow) {
  struct Case {
    std::string_view text;
    std::string_view message;
  };
  const Case cases[] = {
      {"a\nb\n\"open", "CSV row 3: quoted field is not closed"},
      {"\"a\"b,c", "CSV row 1: unexpected character after a closing quote"},
  };
  for (const Case& c : cases) {
    CsvReader reader(c.text);
    while (reader.Next()) {
    }
    ASSERT_TRUE(reader.error()) << c.text;
    EXPECT_EQ(reader.error()->code, core::ErrorCode::kBadRequest);
    EXPECT_TRUE(reader.error()->message.starts_with(c.message)) << reader.error()->message;
    EXPECT_FALSE(reader.Next());
  }
}

TEST(CsvReader, EnforcesLimits) {
  CsvReader columns("a,b,c\n", CsvLimits{.max_rows = 10, .max_columns = 2});
  EXPECT_FALSE(columns.Next());
  ASSERT_TRUE(columns.error());
  CsvReader rows("a\nb\nc\n", CsvLimits{.max_rows = 2, .max_columns = 2});
  EXPECT_TRUE(rows.Next());
  EXPECT_TRUE(rows.Next());
  EXPECT_FALSE(rows.Next());
  ASSERT_TRUE(rows.error());
  EXPECT_NE(rows.error()->message.find("more than 2 rows"), std::string::npos);
}

TEST(CsvWriter, QuotesOnlyWhenNeededAndNeutralisesFormulas) {
  std::string out;
  CsvWriter writer(&out, CsvWriterOptions{.bom = false});
  writer.Row({"plain", "a,b", "say \"hi\"", "two\nlines", ""});
  writer.Row({"=1+1", "+86 139", "-5", "@SUM(A1)", "\tx", "=a,b", "a=b"});
  EXPECT_EQ(out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n"
            "'=1+1,'+86 139,'-5,'@SUM(A1),'\tx,\"'=a,b\",a=b\r\n");
}

TEST(CsvWriter, WritesABomAndRoundTrips) {
  std::string out;
  CsvWriter writer(&out);
  const Rows rows = {{"名称", "地址"}, {"社会组织名称", "陕西省西安市,\"雁塔区\"\n"}};
  for (const auto& row : rows) writer.Row(row);
  ASSERT_TRUE(out.starts_with("\xEF\xBB\xBF"));
  EXPECT_EQ(ReadAll(std::string_view(out).substr(3)), rows);
}

TEST(CsvWriter, StreamsChunksAtRecordBoundaries) {
  std::vector<std::string> chunks;
  CsvWriter writer([&](std::string_view chunk) { chunks.emplace_back(chunk); },
                   CsvWriterOptions{.bom = false, .neutralise_formulas = false}, 10);
  writer.Row({"12345", "678"});
  writer.Row({"-1"});
  writer.Flush();
  EXPECT_EQ(chunks, (std::vector<std::string>{"12345,678\r\n", "-1\r\n"}));
}

}  // namespace
}  // namespace lianyin::tabular
