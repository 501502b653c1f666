#include "core/phone.hpp"

#include <optional>
#include <vector>

namespace lianyin::core {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '(' || c == ')'; }

// The maximal digit runs of `text`, or nullopt if anything but digits and separators appears.
std::optional<std::vector<std::string>> DigitGroups(std::string_view text) {
  std::vector<std::string> groups;
  bool in_group = false;
  for (char c : text) {
    if (IsDigit(c)) {
      if (!in_group) groups.emplace_back();
      groups.back().push_back(c);
      in_group = true;
    } else if (IsSeparator(c)) {
      in_group = false;
    } else {
      return std::nullopt;
    }
  }
  return groups;
}

std::optional<std::string> MobileDigits(std::string_view text) {
  if (text.starts_with('+')) {
    if (!text.starts_with("+86")) return std::nullopt;
    text.remove_prefix(3);
  }
  std::optional<std::vector<std::string>> groups = DigitGroups(text);
  if (!groups || text.find_first_of("()") != std::string_view::npos) return std::nullopt;
  std::string digits;
  for (const std::string& group : *groups) digits += group;
  if (digits.size() == 13 && digits.starts_with("86")) digits.erase(0, 2);
  if (digits.size() != 11 || digits[0] != '1' || digits[1] < '3') return std::nullopt;
  return digits;
}

// "area-local" when `digits` is exactly a landline number without extension.
std::optional<std::string> LandlineDigits(std::string_view digits) {
  if (digits.size() < 3 || digits[0] != '0') return std::nullopt;
  std::size_t area_length = digits[1] == '1' || digits[1] == '2' ? 3 : 4;
  if (digits[1] == '1' && digits[2] != '0') return std::nullopt;
  std::string_view local = digits.substr(std::min(area_length, digits.size()));
  if (local.size() < 7 || local.size() > 8 || local[0] == '0' || local[0] == '1') {
    return std::nullopt;
  }
  return std::string(digits.substr(0, area_length)) + "-" + std::string(local);
}

// Splits off an extension introduced by a marker; false when `text` has no marker.
bool SplitExtensionMarker(std::string_view& text, std::string_view& extension) {
  for (std::string_view marker : {"转", "ext.", "ext", "EXT", "Ext", "x", "X", "#"}) {
    std::size_t at = text.find(marker);
    if (at == std::string_view::npos) continue;
    extension = text.substr(at + marker.size());
    while (!extension.empty() && extension.front() == ' ') extension.remove_prefix(1);
    text = text.substr(0, at);
    return true;
  }
  return false;
}

std::optional<std::string> Landline(std::string_view text) {
  std::string_view extension;
  bool marked = SplitExtensionMarker(text, extension);
  if (marked && extension.empty()) return std::nullopt;
  std::optional<std::vector<std::string>> groups = DigitGroups(text);
  if (!groups || groups->empty()) return std::nullopt;
  std::string digits;
  for (const std::string& group : *groups) digits += group;
  std::optional<std::string> number = LandlineDigits(digits);
  if (!number && !marked && groups->size() >= 2) {
    // A trailing dash-separated group may be the extension: "010-12345678-123".
    extension = groups->back();
    digits.resize(digits.size() - groups->back().size());
    number = LandlineDigits(digits);
  }
  if (!number) return std::nullopt;
  if (extension.empty()) return number;
  if (extension.size() > 6 || extension.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return *number + "-" + std::string(extension);
}

}  // namespace

Result<std::string> NormaliseMobile(std::string_view text, std::string_view field) {
  std::optional<std::string> digits = MobileDigits(text);
  if (!digits) return Error::Invalid(std::string(field), "must be a mainland mobile number");
  return *std::move(digits);
}

Result<std::string> ValidateContactPhone(std::string_view text, std::string_view field) {
  if (std::optional<std::string> mobile = MobileDigits(text)) return *std::move(mobile);
  if (std::optional<std::string> landline = Landline(text)) return *std::move(landline);
  return Error::Invalid(std::string(field), "must be a mobile or landline number");
}

}  // namespace lianyin::core
