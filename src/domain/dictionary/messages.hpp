#pragma once
// Messages in the reader's language. The code words every error and field message in English
// (the message id); people read them in zh-CN unless they ask for English. The catalogue
// (messages.cpp) holds one entry per English template, "{}" marking a parameter, with its
// Chinese wording; a parameter that is a dictionary code (a status, a type) is shown by its
// label. The HTTP edge translates every error envelope by Accept-Language; import error reports
// and other files people download are Chinese.

#include <optional>
#include <string>
#include <string_view>

namespace lianyin::domain::dictionary {

enum class Lang { kZh, kEn };

// The language an Accept-Language header prefers among zh and en (q-values honoured; "zh-CN",
// "zh", "en-US", "en" …); zh when the header is absent, empty or names neither.
Lang PreferredLang(std::string_view accept_language);

// "zh-CN" or "en", for Content-Language.
std::string_view LangTag(Lang lang);

// The label of an input field in error summaries ("uscc" → "统一社会信用代码" / "credit code");
// the field name itself when the catalogue has none.
std::string_view FieldLabel(std::string_view field, Lang lang);

// `english` in `lang`: itself for kEn; for kZh the catalogue's Chinese with the parameters the
// English carried; `english` unchanged when no template matches (TranslationOf tells).
std::string Translate(std::string_view english, Lang lang);

// The Chinese of `english`, or nullopt when no catalogue template matches it (tests check that
// every message the API produced has one).
std::optional<std::string> TranslationOf(std::string_view english);

}  // namespace lianyin::domain::dictionary
