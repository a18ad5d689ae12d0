#pragma once
// Helpers shared by the unit tests.
#include <filesystem>
#include <fstream>
#include <iostream>
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

/// The shared checkout beside the repository (../shared: the Mustache spec, the seed texts). A fresh
/// clone has none; tests that need it are then skipped, not failed.
inline std::filesystem::path shared_dir() { return PLANPRESS_SHARED_DIR; }

/// True (and a line that ctest's SKIP_REGULAR_EXPRESSION turns into "Skipped", with the reason in the
/// test's output) when `needed` does not exist. A test that needs it returns at once:
///     if (testing::skip_without(path, "the Mustache spec")) return;
inline bool skip_without(const std::filesystem::path& needed, const std::string& what) {
  if (std::filesystem::exists(needed)) return false;
  std::cout << "planpress-skip: " << what << " is not here (" << needed.string()
            << "); it comes with the shared checkout beside the repository" << std::endl;
  return true;
}

}  // namespace planpress::testing
