#pragma once
// Helpers shared by the unit tests.
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace planpress::testing {

/// The bytes of a file ("" if it cannot be read).
inline std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace planpress::testing
