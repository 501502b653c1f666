#include "store/sqlite/ngram_tokenizer.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace lianyin::store::sqlite {
namespace {

const std::vector<std::string> kNames = {"西安市碑林区职工服务中心",
                                         "福州市新就业形态劳动者协会",
                                         "陕西省社会工作协会",
                                         "北京东城区法律援助中心",
                                         "ABC Volunteer 服务队",
                                         "职工之家\"暖心\"驿站",
                                         "中",
                                         "援助援助",
                                         "Ab"};

std::string Phrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::set<std::int64_t> Matches(Session& session, const std::string& query) {
  Statement stmt = session.Prepare("SELECT rowid FROM names WHERE names MATCH ? ORDER BY rowid");
  stmt.Bind(0, Phrase(query));
  std::set<std::int64_t> out;
  while (stmt.Next()) out.insert(stmt.row().Int(0));
  return out;
}

// What a plain substring scan (ASCII letters folded) finds.
std::set<std::int64_t> Expected(const std::string& query) {
  const auto fold = [](std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return s;
  };
  std::set<std::int64_t> out;
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (fold(kNames[i]).find(fold(query)) != std::string::npos) {
      out.insert(static_cast<std::int64_t>(i) + 1);
    }
  }
  return out;
}

class NgramTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    session_.ExecuteScript(
        "CREATE VIRTUAL TABLE names USING fts5(name, content='', tokenize='lianyin_ngram')");
    Statement insert = session_.Prepare("INSERT INTO names (rowid, name) VALUES (?, ?)");
    for (std::size_t i = 0; i < kNames.size(); ++i) {
      insert.BindAll({static_cast<std::int64_t>(i) + 1, kNames[i]}).Execute();
    }
  }
  std::unique_ptr<Database> db_ = Database::Open(":memory:");
  Session session_ = db_->Acquire();
};

TEST_F(NgramTokenizerTest, FindsExactlyTheNamesContainingTheQuery) {
  for (const std::string query :
       {"中", "职工", "服务中心", "碑林区职工服务", "协会", "援", "援助援", "援助援助", "abc",
        "aBc vol", " ", "\"暖心\"", "心\"驿", "Ab", "b", "工作协会", "没有", "区法"}) {
    EXPECT_EQ(Matches(session_, query), Expected(query)) << query;
  }
}

TEST_F(NgramTokenizerTest, DeletingAContentlessRowNeedsItsOldText) {
  session_.Execute("INSERT INTO names (names, rowid, name) VALUES ('delete', ?, ?)",
                   {std::int64_t{3}, kNames[2]});
  EXPECT_EQ(Matches(session_, "陕西"), std::set<std::int64_t>{});
  EXPECT_EQ(Matches(session_, "协会"), (std::set<std::int64_t>{2}));
}

}  // namespace
}  // namespace lianyin::store::sqlite
