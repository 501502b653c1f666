#include "tabular/multipart.hpp"

#include <gtest/gtest.h>

namespace lianyin::tabular {
namespace {

constexpr std::string_view kType = "multipart/form-data; boundary=----WebKitFormBoundaryX1";

const std::string kBody =
    "------WebKitFormBoundaryX1\r\n"
    "Content-Disposition: form-data; name=\"note\"\r\n\r\n"
    "hello\r\n"
    "------WebKitFormBoundaryX1\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"组织 \\\"1\\\".csv\"\r\n"
    "Content-Type: text/csv\r\n\r\n"
    "name,uscc\r\n社会组织,1\r\n\r\n"
    "------WebKitFormBoundaryX1--\r\n";

TEST(Multipart, FindsTheNamedPart) {
  core::Result<Part> file = FindPart(kBody, kType, "file");
  ASSERT_TRUE(file) << file.error().message;
  EXPECT_EQ(file->data, "name,uscc\r\n社会组织,1\r\n");
  EXPECT_EQ(file->filename, "组织 \"1\".csv");
  EXPECT_EQ(file->content_type, "text/csv");
  core::Result<Part> note = FindPart(kBody, kType, "note");
  ASSERT_TRUE(note);
  EXPECT_EQ(note->data, "hello");
  EXPECT_EQ(note->content_type, "text/plain");
  EXPECT_EQ(note->filename, "");
}

TEST(Multipart, AcceptsAQuotedBoundaryAndAPreamble) {
  const std::string body =
      "preamble\r\n--b;x\r\nContent-Disposition: form-data; name=file\r\n\r\ndata\r\n--b;x--";
  core::Result<Part> part = FindPart(body, "Multipart/Form-Data; boundary=\"b;x\"", "file");
  ASSERT_TRUE(part) << part.error().message;
  EXPECT_EQ(part->data, "data");
}

TEST(Multipart, RejectsMalformedBodies) {
  struct Case {
    std::string_view name;
    std::string body;
    std::string type;
  };
  const std::string disposition = "Content-Disposition: form-data; name=\"file\"\r\n\r\n";
  const Case cases[] = {
      {"not multipart", kBody, "text/csv"},
      {"no boundary", kBody, "multipart/form-data"},
      {"boundary too long", kBody, "multipart/form-data; boundary=" + std::string(71, 'b')},
      {"no delimiter", "just text", "multipart/form-data; boundary=b"},
      {"unterminated part", "--b\r\n" + disposition + "data", "multipart/form-data; boundary=b"},
      {"no disposition", "--b\r\nX: y\r\n\r\ndata\r\n--b--", "multipart/form-data; boundary=b"},
      {"header without colon", "--b\r\nbroken\r\n\r\n\r\n--b--", "multipart/form-data; boundary=b"},
      {"no such part", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n--b--",
       "multipart/form-data; boundary=b"},
      {"empty", "", "multipart/form-data; boundary=b"},
      {"headers too long", "--b\r\nX: " + std::string(10'000, 'a') + "\r\n\r\n\r\n--b--",
       "multipart/form-data; boundary=b"},
  };
  for (const Case& c : cases) {
    core::Result<Part> part = FindPart(c.body, c.type, "file");
    ASSERT_FALSE(part) << c.name;
    EXPECT_EQ(part.error().code, core::ErrorCode::kBadRequest) << c.name;
  }
}

TEST(Multipart, BoundsTheNumberOfParts) {
  std::string body;
  for (int i = 0; i < 5; ++i)
    body += "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n\r\n";
  body += "--b--";
  EXPECT_FALSE(
      FindPart(body, "multipart/form-data; boundary=b", "file", MultipartLimits{.max_parts = 3}));
  EXPECT_FALSE(FindPart(body, "multipart/form-data; boundary=b", "file"));
}

}  // namespace
}  // namespace lianyin::tabular
